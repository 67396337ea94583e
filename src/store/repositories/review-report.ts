import type { Db } from '../database.js';
import type { ActionItemRow, ControlOutcomeRow, ProposalRow, ReviewRow, TimelineEntryRow } from '../schema.js';

/**
 * Everything a review report shows, read straight from the tables (the review's own services may be
 * elsewhere; the report only reads). Each query goes by an index: reviews by their unique incident_id,
 * action items and proposals by review_id, incident_risks and control_outcomes by their incident keys.
 */

export async function reviewOfIncident(db: Db, organisationId: string, incidentId: string): Promise<ReviewRow | undefined> {
  return db.selectFrom('reviews').selectAll().where('incident_id', '=', incidentId).where('organisation_id', '=', organisationId).executeTakeFirst();
}

export async function timelineEntriesByIds(db: Db, incidentId: string, ids: readonly string[]): Promise<TimelineEntryRow[]> {
  if (!ids.length) return [];
  return db
    .selectFrom('timeline_entries')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .where('id', 'in', [...ids])
    .orderBy('occurred_at')
    .orderBy('seq')
    .execute();
}

export async function actionItemsOfReview(db: Db, reviewId: string): Promise<Array<ActionItemRow & { owner_name: string | null }>> {
  return db
    .selectFrom('action_items')
    .leftJoin('users', 'users.id', 'action_items.owner_id')
    .selectAll('action_items')
    .select('users.name as owner_name')
    .where('action_items.review_id', '=', reviewId)
    .orderBy('action_items.created_at')
    .orderBy('action_items.id')
    .execute();
}

export async function risksOfIncident(db: Db, incidentId: string): Promise<Array<{ risk_id: string; number: string; title: string; note: string; linked_at: string }>> {
  return db
    .selectFrom('incident_risks')
    .innerJoin('risks', 'risks.id', 'incident_risks.risk_id')
    .select(['incident_risks.risk_id', 'risks.number', 'risks.title', 'incident_risks.note', 'incident_risks.linked_at'])
    .where('incident_risks.incident_id', '=', incidentId)
    .orderBy('risks.number')
    .execute();
}

export async function controlOutcomesOfIncident(db: Db, incidentId: string): Promise<Array<ControlOutcomeRow & { ref: string; title: string }>> {
  return db
    .selectFrom('control_outcomes')
    .innerJoin('controls', 'controls.id', 'control_outcomes.control_id')
    .selectAll('control_outcomes')
    .select(['controls.ref', 'controls.title'])
    .where('control_outcomes.incident_id', '=', incidentId)
    .orderBy('controls.ref')
    .execute();
}

export async function proposalsOfReview(db: Db, reviewId: string): Promise<Array<ProposalRow & { decided_by_name: string | null }>> {
  return db
    .selectFrom('proposals')
    .leftJoin('users', 'users.id', 'proposals.decided_by')
    .selectAll('proposals')
    .select('users.name as decided_by_name')
    .where('proposals.review_id', '=', reviewId)
    .orderBy('proposals.created_at')
    .orderBy('proposals.id')
    .execute();
}

/** Risk numbers and titles by id, for root causes that name a risk. */
export async function riskLabels(db: Db, organisationId: string, ids: readonly string[]): Promise<Array<{ id: string; number: string; title: string }>> {
  if (!ids.length) return [];
  return db.selectFrom('risks').select(['id', 'number', 'title']).where('organisation_id', '=', organisationId).where('id', 'in', [...ids]).execute();
}

/** Control refs and titles by id, for proposals that target a control. */
export async function controlLabels(db: Db, organisationId: string, ids: readonly string[]): Promise<Array<{ id: string; ref: string; title: string }>> {
  if (!ids.length) return [];
  return db.selectFrom('controls').select(['id', 'ref', 'title']).where('organisation_id', '=', organisationId).where('id', 'in', [...ids]).execute();
}

export async function userNames(db: Db, ids: readonly string[]): Promise<Array<{ id: string; name: string }>> {
  if (!ids.length) return [];
  return db.selectFrom('users').select(['id', 'name']).where('id', 'in', [...ids]).execute();
}
