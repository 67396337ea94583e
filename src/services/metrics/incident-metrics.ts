import { invalid } from '../../domain/errors.js';
import { defaultWindow, incidentMetrics, monthsBetween, type IncidentMetrics } from '../../domain/incident-metrics.js';
import { completedReviewsIn, incidentsDetectedIn, openActionItems } from '../../store/repositories/incident-metrics.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { restrictedVisibilityFor } from '../policies/incident-visibility.js';

/** At most ten years of months in one answer. */
export const MAX_METRICS_MONTHS = 120;

export interface IncidentMetricsInput {
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * The incident metrics dashboard for incidents detected in [from, to) (default: the twelve calendar
 * months up to now). Restricted incidents count only for those who may see them, as in the incident list.
 */
export async function getIncidentMetrics(ctx: ServiceContext, input: IncidentMetricsInput): Promise<IncidentMetrics> {
  authorize(ctx.actor, 'incident.read');
  const now = ctx.clock.now();
  const fallback = defaultWindow(now);
  const from = input.from ?? (input.to ? defaultWindow(input.to).from : fallback.from);
  const to = input.to ?? now;
  if (Date.parse(from) >= Date.parse(to)) throw invalid('from must be before to.', [{ path: 'querystring.from', message: 'not before to' }]);
  if (monthsBetween(from, to).length > MAX_METRICS_MONTHS) {
    throw invalid(`Ask for at most ${MAX_METRICS_MONTHS} months at a time.`, [{ path: 'querystring.from', message: `more than ${MAX_METRICS_MONTHS} months before to` }]);
  }
  const window = { organisationId: ctx.actor.organisationId, visibleToUserId: restrictedVisibilityFor(ctx.actor), from, to };
  const db = ctx.database.db;
  const [incidents, reviews, items] = await Promise.all([incidentsDetectedIn(db, window), completedReviewsIn(db, window), openActionItems(db, window.organisationId, window.visibleToUserId)]);
  return incidentMetrics({ from, to, now, incidents, reviews, openActionItems: items });
}
