import { BulwarkError, notFound, stale } from '../../domain/errors.js';
import { PHASE_LABELS, type Phase } from '../../domain/lifecycle.js';
import type { TaskStatus } from '../../domain/task.js';
import { toInstant, type Instant } from '../../domain/time.js';
import { findTask, lastTaskPosition, shiftTasksBetween, updateTask as writeTask } from '../../store/repositories/tasks.js';
import type { TaskRow } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction, type UnitOfWork } from '../transaction.js';
import { requireAssignee } from './require-assignee.js';
import { toTaskRecord, type TaskRecord } from './task-record.js';

export interface TaskChanges {
  title?: string | undefined;
  description?: string | undefined;
  phase?: Phase | null | undefined;
  assignee_id?: string | null | undefined;
  due_at?: Instant | null | undefined;
  status?: TaskStatus | undefined;
  /** 1 is the top of the incident's list; past the end means the end. */
  position?: number | undefined;
}

type Field = keyof TaskChanges;

function currentValue(task: TaskRecord, field: Field): unknown {
  return field === 'assignee_id' ? (task.assignee?.id ?? null) : task[field];
}

/** What the timeline and audit log keep of a change: descriptions by length only, they can be long. */
function describe(field: Field, value: unknown): unknown {
  return field === 'description' ? { length: String(value).length } : value;
}

/** Loads a task under its incident's row lock; a task of a restricted incident the actor may not see is simply not found. */
async function loadTaskForChange(uow: UnitOfWork, id: string) {
  const found = await findTask(uow.db, uow.actor.organisationId, id);
  if (!found) throw notFound(`Task ${id}`);
  const incident = await loadIncidentForChange(uow, found.incident_id).catch((error: unknown) => {
    throw error instanceof BulwarkError && error.kind === 'not_found' ? notFound(`Task ${id}`) : error;
  });
  // Read again under the lock: every task writer holds it, so this version is the one that counts.
  const task = toTaskRecord((await findTask(uow.db, uow.actor.organisationId, id))!, uow.now);
  return { incident, task };
}

/**
 * Edits a task at the version the editor saw. Moving it (position) slides the tasks in between so
 * positions stay dense; done stamps completed_at and any other status clears it.
 */
export async function updateTask(ctx: ServiceContext, id: string, expectedVersion: number, changes: TaskChanges): Promise<TaskRecord> {
  authorize(ctx.actor, 'task.write');
  return runInTransaction(ctx, async (uow) => {
    const { incident, task: before } = await loadTaskForChange(uow, id);
    if (expectedVersion !== before.version) throw stale(before.version);

    const next: TaskChanges = { ...changes };
    if (next.title !== undefined) next.title = next.title.trim();
    if (next.due_at) next.due_at = toInstant(next.due_at);
    if (next.position !== undefined) next.position = Math.min(next.position, await lastTaskPosition(uow.db, incident.id));
    const changed = (Object.keys(next) as Field[]).filter((f) => next[f] !== undefined && next[f] !== currentValue(before, f));
    if (changed.length === 0) return before;
    if (changed.includes('assignee_id') && next.assignee_id) await requireAssignee(uow, incident, next.assignee_id);

    const columns: Partial<TaskRow> = { updated_at: uow.now, updated_by: uow.actor.userId };
    for (const field of changed) (columns as Record<string, unknown>)[field] = next[field];
    if (changed.includes('status')) columns.completed_at = next.status === 'done' ? uow.now : null;
    if (changed.includes('position')) await shiftTasksBetween(uow.db, incident.id, before.position, next.position!);
    if (!(await writeTask(uow.db, before.id, before.version, columns))) throw stale(before.version + 1);

    const diff = Object.fromEntries(changed.map((f) => [f, { from: describe(f, currentValue(before, f)), to: describe(f, next[f]) }]));
    const after = toTaskRecord((await findTask(uow.db, uow.actor.organisationId, before.id))!, uow.now);
    const title = after.title;
    await recordTimelineEntry(uow, incident, { kind: 'task_updated', body: `Task “${title}”: ${summariseChange(changed, after, before)}`, details: { task_id: before.id, title, changes: diff } });
    await uow.audit('task.update', { type: 'task', id: before.id }, { incident_id: incident.id, version: before.version + 1, changes: diff });
    uow.emit({ type: 'task.updated', incident_id: incident.id, restricted: incident.restricted, entity_id: before.id, version: before.version + 1 });
    return after;
  });
}

const STATUS_WORDS: Record<TaskStatus, string> = { todo: 'back to to-do', in_progress: 'in progress', done: 'done', cancelled: 'cancelled' };

/** The change in words a responder reads on the timeline, e.g. "done, assigned to Malik Osei". */
function summariseChange(changed: Field[], after: TaskRecord, before: TaskRecord): string {
  const words: Record<Field, () => string> = {
    title: () => `renamed from “${before.title}”`,
    description: () => 'description edited',
    phase: () => (after.phase ? `phase ${PHASE_LABELS[after.phase]}` : 'no phase'),
    assignee_id: () => (after.assignee ? `assigned to ${after.assignee.name}` : 'unassigned'),
    due_at: () => (after.due_at ? 'due date changed' : 'due date removed'),
    status: () => STATUS_WORDS[after.status],
    position: () => 'moved in the list',
  };
  return changed.map((field) => words[field]()).join(', ');
}
