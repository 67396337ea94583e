import { invalid } from '../../domain/errors.js';
import { decodeCursor, encodeCursor, type Page } from '../../domain/pagination.js';
import type { TaskStatus } from '../../domain/task.js';
import { listTasks as queryTasks } from '../../store/repositories/tasks.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { restrictedVisibilityFor } from '../policies/incident-visibility.js';
import { toTaskRecord, type TaskRecord } from './task-record.js';

export type TaskWithIncidentRecord = TaskRecord & { incident: { id: string; number: string; title: string } };

export interface TaskListInput {
  /** A user id, or "me" for the caller. */
  assignee?: string | undefined;
  statuses?: TaskStatus[] | undefined;
  overdue?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Tasks across the incidents the caller may see (the "my tasks" view), soonest due first. */
export async function listTasks(ctx: ServiceContext, input: TaskListInput): Promise<Page<TaskWithIncidentRecord>> {
  authorize(ctx.actor, 'incident.read');
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  if (input.cursor && !after) throw invalid('The cursor is not one this server handed out.', [{ path: 'cursor', message: 'malformed cursor' }]);
  const now = ctx.clock.now();
  const rows = await queryTasks(ctx.database.db, {
    organisationId: ctx.actor.organisationId,
    visibleToUserId: restrictedVisibilityFor(ctx.actor),
    assigneeId: input.assignee === 'me' ? ctx.actor.userId : input.assignee,
    statuses: input.statuses,
    overdue: input.overdue,
    now,
    after: after ?? undefined,
    limit: input.limit,
  });
  const items = rows.slice(0, input.limit).map((row) => ({
    ...toTaskRecord(row, now),
    incident: { id: row.incident_id, number: row.incident_number, title: row.incident_title },
  }));
  const last = items[items.length - 1];
  return { items, next_cursor: rows.length > input.limit && last ? encodeCursor({ value: last.due_at, id: last.id }) : null };
}
