import type { Db } from '../database.js';
import type { EscalationRow, ResponsePlanRow } from '../schema.js';

export async function insertEscalation(db: Db, row: EscalationRow): Promise<void> {
  await db.insertInto('escalations').values(row).execute();
}

/** Every call made for an incident, oldest first. */
export async function listEscalationsOfIncident(db: Db, incidentId: string): Promise<EscalationRow[]> {
  return db.selectFrom('escalations').selectAll().where('incident_id', '=', incidentId).orderBy('notified_at').orderBy('id').execute();
}

export async function findEscalation(db: Db, incidentId: string, id: string): Promise<EscalationRow | undefined> {
  return db.selectFrom('escalations').selectAll().where('incident_id', '=', incidentId).where('id', '=', id).executeTakeFirst();
}

/** Looked up by the SHA-256 of the link's secret (unique), never by the secret itself. */
export async function findEscalationByTokenHash(db: Db, tokenHash: string): Promise<EscalationRow | undefined> {
  return db.selectFrom('escalations').selectAll().where('ack_token_hash', '=', tokenHash).executeTakeFirst();
}

/** Records the acknowledgement once; false when it was already acknowledged. */
export async function markEscalationAcknowledged(db: Db, id: string, ack: { at: string; by: string | null; via: string }): Promise<boolean> {
  const result = await db
    .updateTable('escalations')
    .set({ acknowledged_at: ack.at, acknowledged_by: ack.by, acknowledged_via: ack.via })
    .where('id', '=', id)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Unacknowledged calls of the organisation's open incidents whose deadline may have passed (the
 * caller checks each against its own time): calls the matrix made and calls to deputies, as long as
 * nobody stands in for them yet and they were not already reported unanswered. A deputy's call keeps
 * the id of the call it stands in for in `rule_id`.
 */
export async function listUnansweredEscalations(db: Db, organisationId: string): Promise<EscalationRow[]> {
  return db
    .selectFrom('escalations as e')
    .innerJoin('incidents as i', 'i.id', 'e.incident_id')
    .selectAll('e')
    .where('e.organisation_id', '=', organisationId)
    .where('e.acknowledged_at', 'is', null)
    .where('e.unanswered_at', 'is', null)
    .where('e.respond_within_minutes', 'is not', null)
    .where('i.phase', '!=', 'closed')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('escalations as d').select('d.id').where('d.trigger', '=', 'deputy').whereRef('d.rule_id', '=', 'e.id'))))
    .orderBy('e.notified_at')
    .execute();
}

/** Marks a call as having run out of people; false when another run marked it first. */
export async function markEscalationUnanswered(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('escalations').set({ unanswered_at: at }).where('id', '=', id).where('unanswered_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A plan version by id (an escalation keeps the version that called it, for its contact details). */
export async function findPlanVersion(db: Db, organisationId: string, id: string): Promise<ResponsePlanRow | undefined> {
  return db.selectFrom('response_plans').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}
