import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getIncidentMetrics } from '../../../services/metrics/incident-metrics.js';
import { serviceContext } from '../../context.js';
import { problemResponses } from '../../schemas.js';
import { incidentMetricsSchema, metricsQuery } from './schema.js';

const tags = ['Metrics'];

/** The incident metrics dashboard (docs/reviews.md, "Metrics"). */
export async function metricsRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/metrics/incidents', {
    schema: {
      tags,
      summary: 'Incident metrics: counts by category and severity per month, response-time percentiles, known-risk root causes, open action items by age',
      description:
        'Incidents detected in [from, to), by month of detection (UTC). Time to detect is occurred → detected, to contain and to recover are measured from detection; median and p90 per month, and p50/p75/p90/p95 overall. The known-risk share counts completed reviews whose root causes name a risk or whose incident is linked to one. Open action items (open or in progress) by age, whatever the window. Restricted incidents count only for their members and administrators. Everyone who reads incidents.',
      querystring: metricsQuery,
      response: { 200: incidentMetricsSchema, ...problemResponses },
    },
  }, async (request) => getIncidentMetrics(serviceContext(request), request.query));
}
