import { newId } from '../../domain/ids.js';
import type { Phase } from '../../domain/lifecycle.js';
import type { TaskStatus } from '../../domain/task.js';
import { toInstant, type Instant } from '../../domain/time.js';
import { lastTaskPosition, findTask, insertTask } from '../../store/repositories/tasks.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';
import { requireAssignee } from './require-assignee.js';
import { toTaskRecord, type TaskRecord } from './task-record.js';

export interface CreateTaskInput {
  title: string;
  description?: string | undefined;
  phase?: Phase | null | undefined;
  assignee_id?: string | null | undefined;
  due_at?: Instant | null | undefined;
  status?: TaskStatus | undefined;
}

/** Adds a task at the end of the incident's list. */
export async function createTask(ctx: ServiceContext, incidentId: string, input: CreateTaskInput): Promise<TaskRecord> {
  authorize(ctx.actor, 'task.write');
  return runInTransaction(ctx, async (uow) => {
    const incident = await loadIncidentForChange(uow, incidentId);
    if (input.assignee_id) await requireAssignee(uow, incident, input.assignee_id);
    const status = input.status ?? 'todo';
    const id = newId('task');
    const row = {
      id,
      organisation_id: incident.organisation_id,
      incident_id: incident.id,
      title: input.title.trim(),
      description: input.description ?? '',
      phase: input.phase ?? null,
      assignee_id: input.assignee_id ?? null,
      due_at: input.due_at ? toInstant(input.due_at) : null,
      status,
      // The incident row lock serialises writers, so nobody else takes this position meanwhile.
      position: (await lastTaskPosition(uow.db, incident.id)) + 1,
      completed_at: status === 'done' ? uow.now : null,
      created_at: uow.now,
      created_by: uow.actor.userId,
      updated_at: uow.now,
      updated_by: uow.actor.userId,
      version: 1,
    };
    await insertTask(uow.db, row);

    const facts = { task_id: id, title: row.title, phase: row.phase, assignee_id: row.assignee_id, due_at: row.due_at, status };
    await recordTimelineEntry(uow, incident, { kind: 'task_created', body: `Task added: ${row.title}`, details: facts });
    await uow.audit('task.create', { type: 'task', id }, { incident_id: incident.id, ...facts });
    uow.emit({ type: 'task.created', incident_id: incident.id, restricted: incident.restricted, entity_id: id, version: 1 });
    return toTaskRecord((await findTask(uow.db, incident.organisation_id, id))!, uow.now);
  });
}
