import type { Db } from '../database.js';
import type { CommunicationRow, DecisionRow, IncidentFactsRow, ObligationRow, TaskRow, ThirdPartyEngagementRow, TimelineEntryRow } from '../schema.js';

/**
 * Everything the incident reports (management, GDPR Art. 33 draft, executive one-pager) show, read
 * straight from the tables: the reports only read, whoever owns the services that write these rows.
 * Each query goes by an incident index (or a primary key).
 */

export async function factsOfIncident(db: Db, incidentId: string): Promise<IncidentFactsRow | undefined> {
  return db.selectFrom('incident_facts').selectAll().where('incident_id', '=', incidentId).executeTakeFirst();
}

/** A setting's stored JSON (the organisation profile lives under `obligations.profile`). */
export async function settingValue(db: Db, organisationId: string, key: string): Promise<unknown> {
  const row = await db.selectFrom('settings').select('value').where('organisation_id', '=', organisationId).where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function decisionsOfIncident(db: Db, incidentId: string): Promise<Array<DecisionRow & { signer_name: string | null }>> {
  return db
    .selectFrom('decisions')
    .leftJoin('users', 'users.id', 'decisions.signed_by')
    .selectAll('decisions')
    .select('users.name as signer_name')
    .where('decisions.incident_id', '=', incidentId)
    .orderBy('decisions.signed_at')
    .orderBy('decisions.id')
    .execute();
}

/** Soonest deadline first; obligations without a deadline (no clock yet) last. */
export async function obligationsOfIncident(db: Db, incidentId: string): Promise<ObligationRow[]> {
  const rows = await db.selectFrom('obligations').selectAll().where('incident_id', '=', incidentId).orderBy('created_at').orderBy('id').execute();
  return rows.sort((a, b) => (a.deadline ?? '\uffff').localeCompare(b.deadline ?? '\uffff'));
}

export async function sentCommunicationsOfIncident(db: Db, incidentId: string): Promise<Array<CommunicationRow & { approver_name: string | null }>> {
  return db
    .selectFrom('communications')
    .leftJoin('users', 'users.id', 'communications.approved_by')
    .selectAll('communications')
    .select('users.name as approver_name')
    .where('communications.incident_id', '=', incidentId)
    .where('communications.sent_at', 'is not', null)
    .orderBy('communications.sent_at')
    .execute();
}

export async function engagementsForReport(db: Db, incidentId: string): Promise<ThirdPartyEngagementRow[]> {
  return db.selectFrom('third_party_engagements').selectAll().where('incident_id', '=', incidentId).orderBy('engaged_at').orderBy('id').execute();
}

export async function openTasksOfIncident(db: Db, incidentId: string): Promise<Array<TaskRow & { assignee_name: string | null }>> {
  return db
    .selectFrom('tasks')
    .leftJoin('users', 'users.id', 'tasks.assignee_id')
    .selectAll('tasks')
    .select('users.name as assignee_name')
    .where('tasks.incident_id', '=', incidentId)
    .where('tasks.status', 'in', ['todo', 'in_progress'])
    .orderBy('tasks.position')
    .execute();
}

/** The latest entries of the given kinds, newest first (the caller puts them back in time order). */
export async function recentTimelineEntries(db: Db, incidentId: string, kinds: readonly string[], limit: number): Promise<Array<TimelineEntryRow & { actor_name: string | null }>> {
  return db
    .selectFrom('timeline_entries')
    .leftJoin('users', 'users.id', 'timeline_entries.actor_id')
    .selectAll('timeline_entries')
    .select('users.name as actor_name')
    .where('timeline_entries.incident_id', '=', incidentId)
    .where('timeline_entries.kind', 'in', [...kinds])
    .orderBy('timeline_entries.occurred_at', 'desc')
    .orderBy('timeline_entries.seq', 'desc')
    .limit(limit)
    .execute();
}

/** The incident commander now in post, if any. */
export async function currentCommander(db: Db, incidentId: string): Promise<{ user_id: string; name: string } | undefined> {
  return db
    .selectFrom('incident_members')
    .innerJoin('users', 'users.id', 'incident_members.user_id')
    .select(['incident_members.user_id', 'users.name'])
    .where('incident_members.incident_id', '=', incidentId)
    .where('incident_members.role', '=', 'incident_commander')
    .where('incident_members.released_at', 'is', null)
    .orderBy('incident_members.assigned_at', 'desc')
    .executeTakeFirst();
}

/** When the last communication to the given audience went out (status updates are counted from it). */
export async function lastSentTo(db: Db, incidentId: string, audience: string): Promise<string | null> {
  const row = await db
    .selectFrom('communications')
    .select('sent_at')
    .where('incident_id', '=', incidentId)
    .where('audience', '=', audience)
    .where('sent_at', 'is not', null)
    .orderBy('sent_at', 'desc')
    .executeTakeFirst();
  return row?.sent_at ?? null;
}
