import { notFound } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { findIncidentById, findReviewById, linkedRiskIds, listIncidentControlOutcomes, listReviewActionItems } from '../../store/repositories/learning.js';
import { insertProposals, type ProposalInsert } from '../../store/repositories/proposals.js';
import { riskMatrixOf } from '../risks/risk-settings.js';
import type { UnitOfWork } from '../transaction.js';
import { actionItemDraft, outcomeDrafts, riskDrafts, type LearningScope, type ProposalDraft } from './draft-proposals.js';
import { toProposalRecord, type ProposalRecord } from './proposal-record.js';

/** The scope a review's proposals are drafted in; 404 when the review is not the organisation's. */
export async function learningScope(uow: UnitOfWork, reviewId: string): Promise<LearningScope> {
  const review = await findReviewById(uow.db, uow.actor.organisationId, reviewId);
  if (!review) throw notFound(`Review ${reviewId}`);
  const incident = await findIncidentById(uow.db, uow.actor.organisationId, review.incident_id);
  if (!incident) throw notFound(`Incident ${review.incident_id}`);
  return { uow, review, incident, matrix: await riskMatrixOf(uow.db, uow.actor.organisationId) };
}

/** Stores drafts as pending proposals of the review. */
export async function storeDrafts(scope: LearningScope, drafts: ProposalDraft[]): Promise<ProposalRecord[]> {
  const { uow, review } = scope;
  const rows: ProposalInsert[] = drafts.map((d) => ({
    id: newId('proposal'),
    organisation_id: uow.actor.organisationId,
    incident_id: review.incident_id,
    review_id: review.id,
    ...d,
    status: 'pending',
    decided_at: null,
    decided_by: null,
    decision_note: null,
    applied: null,
    created_at: uow.now,
    version: 1,
  }));
  await insertProposals(uow.db, rows);
  return rows.map((r) => toProposalRecord({ ...r, reasoning: JSON.stringify(r.reasoning), before: JSON.stringify(r.before), after: JSON.stringify(r.after), applied: null }));
}

/**
 * What a completed review proposes to the register, inside the completing transaction: for each risk
 * the incident materialised a frequency update (gamma–Poisson) and, with a realised loss, where it
 * landed in the estimate; for each control outcome a lower effectiveness and earlier test, or
 * evidence; for each action item of a register kind the change it stands for. Nothing changes the
 * register until a risk owner accepts.
 */
export async function proposeChanges(uow: UnitOfWork, reviewId: string): Promise<ProposalRecord[]> {
  const scope = await learningScope(uow, reviewId);
  const drafts: ProposalDraft[] = [];
  for (const riskId of await linkedRiskIds(uow.db, scope.incident.id)) drafts.push(...(await riskDrafts(scope, riskId)));
  for (const outcome of await listIncidentControlOutcomes(uow.db, scope.incident.id)) drafts.push(...(await outcomeDrafts(scope, outcome)));
  for (const item of await listReviewActionItems(uow.db, reviewId, scope.incident.id)) {
    if (item.status === 'cancelled') continue;
    const draft = await actionItemDraft(scope, item);
    if (draft) drafts.push(draft);
  }
  const proposals = await storeDrafts(scope, drafts);
  if (proposals.length) await uow.audit('review.proposals_made', { type: 'review', id: reviewId }, { incident_id: scope.incident.id, proposals: proposals.map((p) => ({ id: p.id, kind: p.kind, target_type: p.target_type, target_id: p.target_id })) });
  return proposals;
}
