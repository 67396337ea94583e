import { BulwarkError, conflict, notFound, stale } from '../../domain/errors.js';
import { missingRequiredFields } from '../../domain/review.js';
import { attachActionItemsToReview, countIncidentActionItems } from '../../store/repositories/action-items.js';
import { updateIncident } from '../../store/repositories/incidents.js';
import { findReviewOfIncident, updateReview } from '../../store/repositories/reviews.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { proposeChanges } from '../learning/propose-changes.js';
import type { ProposalRecord } from '../learning/proposal-record.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';
import { reviewContentOf, toReviewRecord, type ReviewRecord } from './review-record.js';
import { requiredReviewFieldsOf } from './review-settings.js';

/**
 * Completes the incident's review, in one transaction: the organisation's required fields must all be
 * given (400 listing the missing ones); the incident gets its review-completed marker (what the close
 * policy checks), a timeline entry says so, and the register proposals are generated.
 */
export async function completeReview(ctx: ServiceContext, incidentId: string, expectedVersion: number | undefined): Promise<{ review: ReviewRecord; proposals: ProposalRecord[] }> {
  authorize(ctx.actor, 'review.complete');
  return runInTransaction(ctx, async (uow) => {
    const incident = await loadIncidentForChange(uow, incidentId);
    const existing = await findReviewOfIncident(uow.db, incident.id);
    if (!existing) throw notFound(`The review of incident ${incident.number}`);
    if (existing.status === 'completed') throw conflict(`The review of incident ${incident.number} is already completed.`);
    const version = Number(existing.version);
    if (expectedVersion !== undefined && expectedVersion !== version) throw stale(version);

    const required = await requiredReviewFieldsOf(uow.db, incident.organisation_id);
    const missing = missingRequiredFields(reviewContentOf(existing), required, await countIncidentActionItems(uow.db, incident.id));
    if (missing.length) {
      throw new BulwarkError('validation', `The review cannot be completed yet: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} required.`, {
        errors: missing.map((field) => ({ path: field, message: 'required before the review is completed' })),
        extra: { missing_fields: missing },
      });
    }

    const columns = { status: 'completed', completed_at: uow.now, completed_by: uow.actor.userId, updated_at: uow.now, updated_by: uow.actor.userId };
    if (!(await updateReview(uow.db, existing.id, version, columns))) throw stale(version + 1);
    const review = { ...existing, ...columns, version: version + 1 };
    await attachActionItemsToReview(uow.db, incident.id, review.id);

    // The close policy's "review completed" requirement reads these incident columns.
    const marker = { review_completed_at: uow.now, review_completed_by: uow.actor.userId, updated_at: uow.now, updated_by: uow.actor.userId };
    if (!(await updateIncident(uow.db, incident.id, incident.version, marker))) throw stale(incident.version + 1);
    await recordTimelineEntry(uow, incident, { kind: 'review_marked', body: 'Post-incident review completed', details: { completed: true, review_id: review.id } });
    await uow.audit('review.complete', { type: 'review', id: review.id }, { incident_id: incident.id, version: review.version, required_fields: required });
    uow.emit({ type: 'review.completed', incident_id: incident.id, restricted: incident.restricted, entity_id: review.id, version: review.version });
    uow.emit({ type: 'incident.updated', incident_id: incident.id, restricted: incident.restricted, entity_id: incident.id, version: incident.version + 1 });

    const proposals = await proposeChanges(uow, review.id);
    return { review: await toReviewRecord(uow.db, review), proposals };
  });
}
