import { sql, type Expression, type SqlBool } from 'kysely';
import type { CursorPosition } from '../../domain/pagination.js';
import { OPEN_TASK_STATUSES } from '../../domain/task.js';
import type { Db } from '../database.js';
import type { TaskRow } from '../schema.js';
import { visibleTo } from './incidents.js';

export type TaskWithAssignee = TaskRow & { assignee_name: string | null };
export type TaskWithIncident = TaskWithAssignee & { incident_number: string; incident_title: string };

export async function insertTask(db: Db, row: TaskRow): Promise<void> {
  await db.insertInto('tasks').values(row).execute();
}

function tasksWithAssignee(db: Db) {
  return db.selectFrom('tasks').leftJoin('users', 'users.id', 'tasks.assignee_id').selectAll('tasks').select('users.name as assignee_name');
}

export async function findTask(db: Db, organisationId: string, id: string): Promise<TaskWithAssignee | undefined> {
  return tasksWithAssignee(db).where('tasks.organisation_id', '=', organisationId).where('tasks.id', '=', id).executeTakeFirst();
}

export async function incidentTasks(db: Db, incidentId: string): Promise<TaskWithAssignee[]> {
  return tasksWithAssignee(db).where('tasks.incident_id', '=', incidentId).orderBy('tasks.position').orderBy('tasks.id').execute();
}

/** The position of the incident's last task; 0 when it has none. */
export async function lastTaskPosition(db: Db, incidentId: string): Promise<number> {
  const row = await db
    .selectFrom('tasks')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('incident_id', '=', incidentId)
    .executeTakeFirst();
  return Number(row?.last ?? 0);
}

/** Writes the changed columns and bumps the version; false when the version did not match. */
export async function updateTask(db: Db, id: string, expectedVersion: number, changes: Partial<TaskRow>): Promise<boolean> {
  const result = await db
    .updateTable('tasks')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Makes room for a task moving from one position to another within its incident: the tasks in between
 * slide one place towards the gap it leaves, so positions stay dense and unique.
 */
export async function shiftTasksBetween(db: Db, incidentId: string, from: number, to: number): Promise<void> {
  if (from === to) return;
  const [low, high, step] = to < from ? [to, from - 1, 1] : [from + 1, to, -1];
  await db
    .updateTable('tasks')
    .set((eb) => ({ position: eb('position', '+', step) }))
    .where('incident_id', '=', incidentId)
    .where('position', '>=', low)
    .where('position', '<=', high)
    .execute();
}

export interface TaskFilter {
  organisationId: string;
  /** Null means the viewer sees tasks of restricted incidents too (an administrator). */
  visibleToUserId: string | null;
  assigneeId?: string | undefined;
  statuses?: string[] | undefined;
  /** true: only open tasks past their due date; false: only those that are not. */
  overdue?: boolean | undefined;
  now: string;
  after?: CursorPosition | undefined;
  limit: number;
}

/**
 * Tasks across incidents, soonest due first and undated last, with their incident's number and title.
 * Keyset pagination over (due_at, id); fetches one extra row to know whether a next page exists.
 */
export async function listTasks(db: Db, f: TaskFilter): Promise<TaskWithIncident[]> {
  let query = db
    .selectFrom('tasks')
    .innerJoin('incidents', 'incidents.id', 'tasks.incident_id')
    .leftJoin('users', 'users.id', 'tasks.assignee_id')
    .selectAll('tasks')
    .select(['users.name as assignee_name', 'incidents.number as incident_number', 'incidents.title as incident_title'])
    .where('tasks.organisation_id', '=', f.organisationId)
    .where((eb) => visibleTo(eb, f.visibleToUserId));
  if (f.assigneeId) query = query.where('tasks.assignee_id', '=', f.assigneeId);
  if (f.statuses?.length) query = query.where('tasks.status', 'in', f.statuses);
  if (f.overdue !== undefined) {
    const open = [...OPEN_TASK_STATUSES];
    query = query.where((eb) =>
      f.overdue
        ? eb.and([eb('tasks.due_at', '<', f.now), eb('tasks.status', 'in', open)])
        : eb.or([eb('tasks.due_at', 'is', null), eb('tasks.due_at', '>=', f.now), eb('tasks.status', 'not in', open)]),
    );
  }
  if (f.after) {
    const { value, id } = f.after;
    query = query.where((eb) => {
      const laterUndated = eb.and([eb('tasks.due_at', 'is', null), eb('tasks.id', '>', id)]);
      if (value === null) return laterUndated;
      const conditions: Expression<SqlBool>[] = [
        eb('tasks.due_at', '>', String(value)),
        eb.and([eb('tasks.due_at', '=', String(value)), eb('tasks.id', '>', id)]),
        eb('tasks.due_at', 'is', null),
      ];
      return eb.or(conditions);
    });
  }
  return query
    .orderBy(sql`tasks.due_at is null`)
    .orderBy('tasks.due_at')
    .orderBy('tasks.id')
    .limit(f.limit + 1)
    .execute();
}
