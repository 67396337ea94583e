import { conflict, stale } from '../../domain/errors.js';
import { findReviewOfIncident } from '../../store/repositories/reviews.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';
import { updateIncident } from '../../store/repositories/incidents.js';
import type { IncidentRecord } from './incident-record.js';
import { loadIncidentForChange } from './load-incident.js';

/**
 * Records that a review was held outside Bulwark, by whom and when, which lets a severity 1–2 incident
 * be closed (completing the structured review sets the same mark). Unmarking clears it, unless the
 * structured review is completed.
 */
export async function markReviewCompleted(ctx: ServiceContext, id: string, completed: boolean): Promise<IncidentRecord> {
  authorize(ctx.actor, 'incident.update');
  return runInTransaction(ctx, async (uow) => {
    const incident = await loadIncidentForChange(uow, id);
    if (Boolean(incident.review_completed_at) === completed) return incident;
    if (!completed && (await findReviewOfIncident(uow.db, incident.id))?.status === 'completed') {
      throw conflict('The structured post-incident review of this incident is completed; its mark cannot be withdrawn.');
    }
    const columns = {
      review_completed_at: completed ? uow.now : null,
      review_completed_by: completed ? uow.actor.userId : null,
      updated_at: uow.now,
      updated_by: uow.actor.userId,
    };
    if (!(await updateIncident(uow.db, incident.id, incident.version, columns))) throw stale(incident.version + 1);
    const result: IncidentRecord = { ...incident, ...columns, version: incident.version + 1 };
    await recordTimelineEntry(uow, result, { kind: 'review_marked', body: completed ? 'Post-incident review marked completed' : 'Post-incident review mark withdrawn', details: { completed } });
    await uow.audit('incident.review_marked', { type: 'incident', id: incident.id }, { completed, version: result.version });
    uow.emit({ type: 'incident.updated', incident_id: incident.id, restricted: incident.restricted, entity_id: incident.id, version: result.version });
    return result;
  });
}
