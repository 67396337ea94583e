import { notFound } from '../../domain/errors.js';
import { findReviewOfIncident } from '../../store/repositories/reviews.js';
import type { ServiceContext } from '../context.js';
import { loadVisibleIncident } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { toReviewRecord, type ReviewRecord } from './review-record.js';

/** The incident's review; 404 until someone saves the first draft. */
export async function getReview(ctx: ServiceContext, incidentId: string): Promise<ReviewRecord> {
  authorize(ctx.actor, 'incident.read');
  const incident = await loadVisibleIncident(ctx.database.db, ctx.actor, incidentId);
  const row = await findReviewOfIncident(ctx.database.db, incident.id);
  if (!row) throw notFound(`The review of incident ${incident.number}`);
  return toReviewRecord(ctx.database.db, row);
}
