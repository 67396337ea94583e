import { sql, type Expression, type SqlBool } from 'kysely';
import type { CursorPosition } from '../../domain/pagination.js';
import { OPEN_ACTION_ITEM_STATUSES } from '../../domain/review.js';
import type { Db } from '../database.js';
import type { ActionItemRow } from '../schema.js';
import { visibleTo } from './incidents.js';

export type ActionItemWithNames = ActionItemRow & { owner_name: string | null; incident_number: string | null; incident_title: string | null };

export async function insertActionItem(db: Db, row: ActionItemRow): Promise<void> {
  await db.insertInto('action_items').values(row).execute();
}

function itemsWithNames(db: Db) {
  return db
    .selectFrom('action_items')
    .leftJoin('users', 'users.id', 'action_items.owner_id')
    .leftJoin('incidents', 'incidents.id', 'action_items.incident_id')
    .selectAll('action_items')
    .select(['users.name as owner_name', 'incidents.number as incident_number', 'incidents.title as incident_title']);
}

export async function findActionItem(db: Db, organisationId: string, id: string): Promise<ActionItemWithNames | undefined> {
  return itemsWithNames(db).where('action_items.organisation_id', '=', organisationId).where('action_items.id', '=', id).executeTakeFirst();
}

/** An incident's action items, soonest due first and undated last. */
export async function incidentActionItems(db: Db, incidentId: string): Promise<ActionItemWithNames[]> {
  return itemsWithNames(db)
    .where('action_items.incident_id', '=', incidentId)
    .orderBy(sql`action_items.due_at is null`)
    .orderBy('action_items.due_at')
    .orderBy('action_items.id')
    .execute();
}

export async function countIncidentActionItems(db: Db, incidentId: string): Promise<number> {
  const row = await db.selectFrom('action_items').select((eb) => eb.fn.countAll<number>().as('n')).where('incident_id', '=', incidentId).where('status', '!=', 'cancelled').executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Ties the incident's action items made before its review existed to the review. */
export async function attachActionItemsToReview(db: Db, incidentId: string, reviewId: string): Promise<void> {
  await db.updateTable('action_items').set({ review_id: reviewId }).where('incident_id', '=', incidentId).where('review_id', 'is', null).execute();
}

/** Writes the changed columns and bumps the version; false when the version did not match. */
export async function updateActionItem(db: Db, id: string, expectedVersion: number, changes: Partial<ActionItemRow>): Promise<boolean> {
  const result = await db
    .updateTable('action_items')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface ActionItemFilter {
  organisationId: string;
  /** Null means the viewer sees items of restricted incidents too (an administrator). */
  visibleToUserId: string | null;
  ownerId?: string | undefined;
  statuses?: string[] | undefined;
  /** true: only open items past their due date; false: only those that are not. */
  overdue?: boolean | undefined;
  now: string;
  after?: CursorPosition | undefined;
  limit: number;
}

/**
 * Action items across incidents the viewer may see, soonest due first and undated last. Keyset
 * pagination over (due_at, id); fetches one extra row to know whether a next page exists.
 */
export async function listActionItems(db: Db, f: ActionItemFilter): Promise<ActionItemWithNames[]> {
  let query = db
    .selectFrom('action_items')
    .innerJoin('incidents', 'incidents.id', 'action_items.incident_id')
    .leftJoin('users', 'users.id', 'action_items.owner_id')
    .selectAll('action_items')
    .select(['users.name as owner_name', 'incidents.number as incident_number', 'incidents.title as incident_title'])
    .where('action_items.organisation_id', '=', f.organisationId)
    .where((eb) => visibleTo(eb, f.visibleToUserId));
  if (f.ownerId) query = query.where('action_items.owner_id', '=', f.ownerId);
  if (f.statuses?.length) query = query.where('action_items.status', 'in', f.statuses);
  if (f.overdue !== undefined) {
    const open = [...OPEN_ACTION_ITEM_STATUSES];
    query = query.where((eb) =>
      f.overdue
        ? eb.and([eb('action_items.due_at', '<', f.now), eb('action_items.status', 'in', open)])
        : eb.or([eb('action_items.due_at', 'is', null), eb('action_items.due_at', '>=', f.now), eb('action_items.status', 'not in', open)]),
    );
  }
  if (f.after) {
    const { value, id } = f.after;
    query = query.where((eb) => {
      const laterUndated = eb.and([eb('action_items.due_at', 'is', null), eb('action_items.id', '>', id)]);
      if (value === null) return laterUndated;
      const conditions: Expression<SqlBool>[] = [
        eb('action_items.due_at', '>', String(value)),
        eb.and([eb('action_items.due_at', '=', String(value)), eb('action_items.id', '>', id)]),
        eb('action_items.due_at', 'is', null),
      ];
      return eb.or(conditions);
    });
  }
  return query
    .orderBy(sql`action_items.due_at is null`)
    .orderBy('action_items.due_at')
    .orderBy('action_items.id')
    .limit(f.limit + 1)
    .execute();
}

/** Open action items past their due date, organisation-wide, for the reminders job. */
export async function listOverdueActionItems(db: Db, organisationId: string, now: string): Promise<ActionItemWithNames[]> {
  return itemsWithNames(db)
    .where('action_items.organisation_id', '=', organisationId)
    .where('action_items.status', 'in', [...OPEN_ACTION_ITEM_STATUSES])
    .where('action_items.due_at', 'is not', null)
    .where('action_items.due_at', '<', now)
    .orderBy('action_items.due_at')
    .orderBy('action_items.id')
    .execute();
}

/** Whether a control, or a risk, of the organisation has this id. */
export async function registerEntryExists(db: Db, table: 'controls' | 'risks', organisationId: string, id: string): Promise<boolean> {
  return (await db.selectFrom(table).select('id').where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst()) !== undefined;
}
