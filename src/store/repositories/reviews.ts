import type { Db } from '../database.js';
import type { ReviewRow, TimelineEntryRow } from '../schema.js';

export async function findReviewOfIncident(db: Db, incidentId: string): Promise<ReviewRow | undefined> {
  return db.selectFrom('reviews').selectAll().where('incident_id', '=', incidentId).executeTakeFirst();
}

export async function insertReview(db: Db, row: ReviewRow): Promise<void> {
  await db.insertInto('reviews').values(row).execute();
}

/** Writes the changed columns and bumps the version; false when the version did not match. */
export async function updateReview(db: Db, id: string, expectedVersion: number, changes: Partial<ReviewRow>): Promise<boolean> {
  const result = await db
    .updateTable('reviews')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The incident's timeline entries among `ids`, in time order, with their authors' names. */
export async function timelineEntriesOf(db: Db, incidentId: string, ids: readonly string[]): Promise<Array<TimelineEntryRow & { user_name: string | null }>> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('timeline_entries')
    .leftJoin('users', 'users.id', 'timeline_entries.actor_id')
    .selectAll('timeline_entries')
    .select('users.name as user_name')
    .where('timeline_entries.incident_id', '=', incidentId)
    .where('timeline_entries.id', 'in', [...ids])
    .orderBy('timeline_entries.occurred_at')
    .orderBy('timeline_entries.seq')
    .execute();
}

/** Which of `ids` name risks of the organisation. */
export async function existingRiskIds(db: Db, organisationId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('risks').select('id').where('organisation_id', '=', organisationId).where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}

/** The timestamps of the organisation's incidents detected since `since` (all of them: medians reveal no single incident). */
export async function incidentTimestampsSince(db: Db, organisationId: string, since: string) {
  return db
    .selectFrom('incidents')
    .select(['occurred_at', 'detected_at', 'reported_at', 'acknowledged_at', 'contained_at', 'eradicated_at', 'recovered_at', 'closed_at'])
    .where('organisation_id', '=', organisationId)
    .where('detected_at', '>=', since)
    .execute();
}
