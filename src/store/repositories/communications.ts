import type { Db } from '../database.js';
import type { CommunicationRow, StatusUpdateReminderRow, TimelineEntryRow } from '../schema.js';

export async function insertCommunication(db: Db, row: CommunicationRow): Promise<void> {
  await db.insertInto('communications').values(row).execute();
}

export async function findCommunication(db: Db, organisationId: string, id: string): Promise<CommunicationRow | undefined> {
  return db.selectFrom('communications').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

/** Writes the changed columns and bumps the version; false when the version did not match. */
export async function updateCommunication(db: Db, id: string, expectedVersion: number, changes: Partial<CommunicationRow>): Promise<boolean> {
  const result = await db
    .updateTable('communications')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listCommunications(db: Db, incidentId: string, statuses?: readonly string[]): Promise<CommunicationRow[]> {
  let query = db.selectFrom('communications').selectAll().where('incident_id', '=', incidentId);
  if (statuses && statuses.length > 0) query = query.where('status', 'in', [...statuses]);
  return query.orderBy('created_at').orderBy('id').execute();
}

/** When the incident's last status update went out, or null. */
export async function lastStatusUpdateSentAt(db: Db, incidentId: string): Promise<string | null> {
  const row = await db
    .selectFrom('communications')
    .select('sent_at')
    .where('incident_id', '=', incidentId)
    .where('kind', '=', 'status_update')
    .where('status', '=', 'sent')
    .orderBy('sent_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.sent_at ?? null;
}

/** The timeline entries that record communication steps (review comments, send notes live there). */
export async function communicationTimeline(db: Db, incidentId: string): Promise<Array<TimelineEntryRow & { user_name: string | null }>> {
  return db
    .selectFrom('timeline_entries')
    .leftJoin('users', 'users.id', 'timeline_entries.actor_id')
    .selectAll('timeline_entries')
    .select('users.name as user_name')
    .where('timeline_entries.incident_id', '=', incidentId)
    .where('timeline_entries.kind', 'like', 'communication_%')
    .orderBy('timeline_entries.seq')
    .execute();
}

export async function categoryLabel(db: Db, organisationId: string, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('incident_categories').select('label').where('organisation_id', '=', organisationId).where('key', '=', key).executeTakeFirst();
  return row?.label;
}

/** Incidents not closed: the ones a status-update cadence can apply to. */
export async function openIncidentsForCadence(db: Db, organisationId: string) {
  return db
    .selectFrom('incidents')
    .select(['id', 'organisation_id', 'number', 'title', 'severity', 'phase', 'restricted', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .where('phase', '!=', 'closed')
    .orderBy('created_at')
    .execute();
}

/**
 * Claims the reminder for this due time: true for the one caller that records it, false when it was
 * recorded already (by an earlier run, or by another node at the same moment — the row lock decides).
 */
export async function claimStatusUpdateReminder(db: Db, row: StatusUpdateReminderRow): Promise<boolean> {
  const claimed = await db
    .insertInto('status_update_reminders')
    .values(row)
    .onConflict((oc) => oc.column('incident_id').doUpdateSet({ due_at: row.due_at, reminded_at: row.reminded_at }).where('status_update_reminders.due_at', '<>', row.due_at))
    .returning('incident_id')
    .executeTakeFirst();
  return claimed !== undefined;
}
