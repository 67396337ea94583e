import type { Db } from '../database.js';
import { engineOf } from '../dialect.js';
import { visibleTo } from './incidents.js';
import type { ActionItemRow, ControlOutcomeRow, IncidentRiskRow, IncidentRow, ReviewRow } from '../schema.js';

/** What the closed loop reads of reviews, incidents, their risks, control outcomes and action items. */

export async function findReviewById(db: Db, organisationId: string, id: string): Promise<ReviewRow | undefined> {
  return db.selectFrom('reviews').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

export async function findReviewOfIncident(db: Db, organisationId: string, incidentId: string): Promise<ReviewRow | undefined> {
  return db.selectFrom('reviews').selectAll().where('organisation_id', '=', organisationId).where('incident_id', '=', incidentId).executeTakeFirst();
}

export async function findIncidentById(db: Db, organisationId: string, id: string): Promise<IncidentRow | undefined> {
  return db.selectFrom('incidents').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

/** The risks linked to an incident, in the order they were linked. */
export async function linkedRiskIds(db: Db, incidentId: string): Promise<string[]> {
  const rows = await db.selectFrom('incident_risks').select('risk_id').where('incident_id', '=', incidentId).orderBy('linked_at').orderBy('risk_id').execute();
  return rows.map((r) => r.risk_id);
}

/** How many incidents were linked to a risk after an instant (the events a frequency update counts). */
export async function countIncidentsLinkedSince(db: Db, riskId: string, since: string): Promise<number> {
  const row = await db.selectFrom('incident_risks').select((eb) => eb.fn.countAll<number>().as('n')).where('risk_id', '=', riskId).where('linked_at', '>', since).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** When a risk's history last recorded one of these actions (null: never). */
export async function lastHistoryAt(db: Db, riskId: string, actions: string[]): Promise<string | null> {
  const row = await db.selectFrom('risk_history').select('at').where('risk_id', '=', riskId).where('action', 'in', actions).orderBy('at', 'desc').limit(1).executeTakeFirst();
  return row?.at ?? null;
}

export async function listIncidentControlOutcomes(db: Db, incidentId: string): Promise<ControlOutcomeRow[]> {
  return db.selectFrom('control_outcomes').selectAll().where('incident_id', '=', incidentId).orderBy('recorded_at').orderBy('id').execute();
}

export async function findIncidentControlOutcome(db: Db, incidentId: string, controlId: string): Promise<ControlOutcomeRow | undefined> {
  return db.selectFrom('control_outcomes').selectAll().where('incident_id', '=', incidentId).where('control_id', '=', controlId).executeTakeFirst();
}

/** The action items of a review, or of its incident (items may be added before the review exists). */
export async function listReviewActionItems(db: Db, reviewId: string, incidentId: string): Promise<ActionItemRow[]> {
  return db
    .selectFrom('action_items')
    .selectAll()
    .where((eb) => eb.or([eb('review_id', '=', reviewId), eb('incident_id', '=', incidentId)]))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findActionItemById(db: Db, organisationId: string, id: string): Promise<ActionItemRow | undefined> {
  return db.selectFrom('action_items').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

/** The incidents linked to a risk that the viewer may see, with the instant each counts at (detected), oldest first. */
export async function incidentsOfRisk(db: Db, riskId: string, visibleToUserId: string | null) {
  return db
    .selectFrom('incident_risks')
    .innerJoin('incidents', 'incidents.id', 'incident_risks.incident_id')
    .select(['incidents.id', 'incidents.number', 'incidents.title', 'incidents.detected_at', 'incident_risks.linked_at'])
    .where('incident_risks.risk_id', '=', riskId)
    .where((eb) => visibleTo(eb, visibleToUserId, engineOf(db)))
    .orderBy('incidents.detected_at')
    .orderBy('incidents.id')
    .execute();
}

/** Accepted loss calibrations of incidents the viewer may see, with the risk they belong to, oldest first. */
export async function acceptedLossCalibrations(db: Db, organisationId: string, visibleToUserId: string | null) {
  return db
    .selectFrom('proposals')
    .innerJoin('incidents', 'incidents.id', 'proposals.incident_id')
    .innerJoin('risks', 'risks.id', 'proposals.target_id')
    .select(['proposals.id', 'proposals.incident_id', 'proposals.before', 'proposals.after', 'proposals.decided_at', 'incidents.number as incident_number', 'risks.id as risk_id', 'risks.number as risk_number', 'risks.title as risk_title', 'risks.annual_loss_mean', 'risks.annual_loss_p90'])
    .where('proposals.organisation_id', '=', organisationId)
    .where('proposals.kind', '=', 'loss_calibration')
    .where('proposals.status', '=', 'accepted')
    .where((eb) => visibleTo(eb, visibleToUserId, engineOf(db)))
    .orderBy('proposals.decided_at')
    .orderBy('proposals.id')
    .execute();
}

/** A risk's history as scores over time, oldest first. */
export async function riskScoreHistory(db: Db, riskId: string) {
  return db.selectFrom('risk_history').select(['id', 'at', 'action', 'inherent_level', 'residual_level', 'annual_loss_mean', 'source']).where('risk_id', '=', riskId).orderBy('at').orderBy('id').execute();
}

/** Links a risk to an incident (a risk added from the incident's review materialised in it); no-op when linked already. */
export async function linkIncidentRisk(db: Db, row: IncidentRiskRow): Promise<void> {
  await db.insertInto('incident_risks').values(row).onConflict((oc) => oc.columns(['incident_id', 'risk_id']).doNothing()).execute();
}
