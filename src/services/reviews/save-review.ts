import { BulwarkError, conflict, invalid, stale, type FieldProblem } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { emptyReviewContent, fiveWhysProblems, type ReviewContent, type ReviewImpact } from '../../domain/review.js';
import { toInstant } from '../../domain/time.js';
import { writeJson } from '../../store/dialect.js';
import { attachActionItemsToReview } from '../../store/repositories/action-items.js';
import { findUser } from '../../store/repositories/people.js';
import { existingRiskIds, findReviewOfIncident, insertReview, timelineEntriesOf, updateReview } from '../../store/repositories/reviews.js';
import type { ReviewRow } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction, type UnitOfWork } from '../transaction.js';
import { reviewContentOf, toReviewRecord, type ReviewRecord } from './review-record.js';

/** What a save may change; fields left out keep their value (a new draft starts empty). */
export type ReviewChanges = Partial<Omit<ReviewContent, 'impact'>> & { impact?: Partial<Omit<ReviewImpact, 'realised_loss'>> & { realised_loss?: Partial<ReviewImpact['realised_loss']> } };

/**
 * Saves the incident's review: the first save creates the draft; later saves need the version the
 * writer saw (412 when someone saved since). A completed review is not edited any more (409).
 */
export async function saveReview(ctx: ServiceContext, incidentId: string, expectedVersion: number | undefined, changes: ReviewChanges): Promise<{ review: ReviewRecord; created: boolean }> {
  authorize(ctx.actor, 'review.write');
  return runInTransaction(ctx, async (uow) => {
    const incident = await loadIncidentForChange(uow, incidentId);
    const existing = await findReviewOfIncident(uow.db, incident.id);
    if (existing?.status === 'completed') throw conflict(`The review of incident ${incident.number} is completed; it is kept as it was.`);
    if (existing && expectedVersion === undefined) throw requireVersion();
    if (expectedVersion !== undefined && expectedVersion !== (existing ? Number(existing.version) : 0)) throw stale(existing ? Number(existing.version) : 0);

    const before = existing ? reviewContentOf(existing) : emptyReviewContent();
    const content = merge(before, changes);
    await checkContent(uow, incident.id, content);
    const columns = {
      summary: content.summary,
      impact: writeJson(content.impact),
      timeline_entry_ids: writeJson(content.timeline_entry_ids),
      root_causes: writeJson(content.root_causes),
      went_well: writeJson(content.went_well),
      went_badly: writeJson(content.went_badly),
      lessons: writeJson(content.lessons),
      participants: writeJson(content.participants),
      meeting_at: content.meeting_at,
      updated_at: uow.now,
      updated_by: uow.actor.userId,
    };
    const changed = (Object.keys(content) as Array<keyof ReviewContent>).filter((f) => JSON.stringify(content[f]) !== JSON.stringify(before[f]));
    let row: ReviewRow;
    if (existing) {
      if (changed.length === 0) return { review: await toReviewRecord(uow.db, existing), created: false };
      const version = Number(existing.version);
      if (!(await updateReview(uow.db, existing.id, version, columns))) throw stale(version + 1);
      row = { ...existing, ...columns, version: version + 1 };
    } else {
      row = { id: newId('review'), organisation_id: incident.organisation_id, incident_id: incident.id, status: 'draft', ...columns, completed_at: null, completed_by: null, created_at: uow.now, created_by: uow.actor.userId, version: 1 };
      await insertReview(uow.db, row);
      await attachActionItemsToReview(uow.db, incident.id, row.id);
    }
    await uow.audit(existing ? 'review.update' : 'review.create', { type: 'review', id: row.id }, { incident_id: incident.id, version: row.version, changed });
    uow.emit({ type: existing ? 'review.updated' : 'review.created', incident_id: incident.id, restricted: incident.restricted, entity_id: row.id, version: row.version });
    return { review: await toReviewRecord(uow.db, row), created: !existing };
  });
}

function requireVersion() {
  return new BulwarkError('precondition_required', 'The review exists already: say which version you are editing (If-Match: "<version>", the ETag you got, or a version field).');
}

function merge(before: ReviewContent, changes: ReviewChanges): ReviewContent {
  const { impact, ...rest } = changes;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<ReviewContent>;
  const next: ReviewContent = { ...before, ...defined };
  if (impact) {
    const { realised_loss, ...figures } = impact;
    next.impact = {
      ...before.impact,
      ...Object.fromEntries(Object.entries(figures).filter(([, v]) => v !== undefined)),
      realised_loss: { ...before.impact.realised_loss, ...Object.fromEntries(Object.entries(realised_loss ?? {}).filter(([, v]) => v !== undefined)) },
    };
  }
  next.summary = next.summary.trim();
  if (next.meeting_at) next.meeting_at = toInstant(next.meeting_at);
  next.timeline_entry_ids = [...new Set(next.timeline_entry_ids)];
  return next;
}

/** The references in a review must hold: timeline entries of this incident, risks and people of this organisation. */
async function checkContent(uow: UnitOfWork, incidentId: string, content: ReviewContent): Promise<void> {
  const problems: FieldProblem[] = [...fiveWhysProblems(content.root_causes)];
  const entries = new Set((await timelineEntriesOf(uow.db, incidentId, content.timeline_entry_ids)).map((e) => e.id));
  content.timeline_entry_ids.forEach((id, i) => {
    if (!entries.has(id)) problems.push({ path: `timeline_entry_ids.${i}`, message: `${id} is not an entry of this incident's timeline` });
  });
  const riskIds = content.root_causes.map((c) => c.risk_id).filter((id): id is string => Boolean(id));
  const risks = await existingRiskIds(uow.db, uow.actor.organisationId, riskIds);
  content.root_causes.forEach((cause, i) => {
    if (cause.risk_id && !risks.has(cause.risk_id)) problems.push({ path: `root_causes.${i}.risk_id`, message: `${cause.risk_id} is not a risk of this organisation` });
  });
  for (const [i, person] of content.participants.entries()) {
    if (person.user_id && !(await findUser(uow.db, uow.actor.organisationId, person.user_id))) problems.push({ path: `participants.${i}.user_id`, message: `${person.user_id} is not a user of this organisation` });
  }
  if (problems.length) throw invalid('Some of the review does not hold; see errors.', problems);
}
