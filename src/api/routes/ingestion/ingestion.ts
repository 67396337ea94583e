import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BulwarkError, invalid } from '../../../domain/errors.js';
import { BATCH_BODY_LIMIT, BATCH_MAX } from '../../../domain/ingestion.js';
import type { AlertInput } from '../../../services/ingestion/alert-input.js';
import { ingestAlert, ingestAlerts, type RejectedAtEdge } from '../../../services/ingestion/ingest-alerts.js';
import { serviceContext } from '../../context.js';
import { ingestRateLimitConfig, type ResourceRouteOptions } from '../../ingest-rate-limit.js';
import { problemResponses, problemSchema } from '../../schemas.js';
import { alertBody, batchBody, batchReportSchema, ingestOneSchema, type AlertBody } from './schema.js';

const tags = ['Alert ingestion'];

export function toAlertInput(body: AlertBody): AlertInput {
  return { ...body, type: body.type ?? 'alert', severity: body.severity ?? 3 };
}

/** Each batch item is checked on its own, so one malformed alert does not sink the others. */
function checkItem(item: unknown, index: number): AlertInput | RejectedAtEdge {
  const parsed = alertBody.safeParse(item);
  if (parsed.success) return toAlertInput(parsed.data);
  return { rejected: parsed.error.issues.map((issue) => ({ path: ['body', 'alerts', index, ...issue.path.map(String)].join('.'), message: issue.message })) };
}

const OUTCOME_STATUS = { created: 201, attached: 201, repeated: 200, deduplicated: 200, snoozed: 202, rejected: 400 } as const;

export async function ingestionRoutes(app: FastifyInstance, options: ResourceRouteOptions) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const config = ingestRateLimitConfig(options.ingestRateLimit);

  api.post('/api/v1/alerts', {
    config,
    schema: {
      tags,
      summary: 'Send one alert',
      description: 'Idempotent by (source, source_ref): a repeat answers 200 with outcome "repeated". 201 when stored, 200 when it counted on an earlier alert (repeated, or folded by a fingerprint rule), 202 when a snooze rule dropped it. An invalid observable answers 400 naming it, and nothing is stored.',
      body: alertBody,
      response: { 201: ingestOneSchema, 200: ingestOneSchema, 202: ingestOneSchema, 429: problemSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const report = await ingestAlert(serviceContext(request), toAlertInput(request.body));
    const result = report.results[0]!;
    if (result.outcome === 'rejected') {
      const errors = result.errors ?? [];
      throw invalid(`The alert was not stored: ${errors.map((e) => `${e.path} (${e.message})`).join('; ')}.`, errors);
    }
    if (result.alert_id) reply.header('location', `/api/v1/alerts/${result.alert_id}`);
    reply.code(OUTCOME_STATUS[result.outcome]);
    return { outcome: result.outcome, alert_id: result.alert_id, ...(result.rule_id ? { rule_id: result.rule_id } : {}), ...(result.incident_id ? { incident_id: result.incident_id } : {}), at: report.at };
  });

  api.post('/api/v1/alerts/batch', {
    bodyLimit: BATCH_BODY_LIMIT,
    config,
    schema: {
      tags,
      summary: `Send up to ${BATCH_MAX} alerts at once`,
      description: `Per-item results: every alert is stored whole or not at all, and one that is malformed or carries an invalid observable is rejected with its reasons while the others are stored, in one transaction. 200 when none was rejected, 207 when some were, 400 when all were (nothing stored). More than ${BATCH_MAX} alerts: 413; bodies over ${BATCH_BODY_LIMIT / 1024 / 1024} MB: 413. results[i] answers alerts[i].`,
      body: batchBody,
      response: { 200: batchReportSchema, 207: batchReportSchema, 413: problemSchema, 429: problemSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const items = request.body.alerts;
    if (items.length > BATCH_MAX) {
      throw new BulwarkError('payload_too_large', `A batch holds at most ${BATCH_MAX} alerts; this one has ${items.length}. Split it and send the parts.`, { extra: { limit: BATCH_MAX } });
    }
    const report = await ingestAlerts(serviceContext(request), items.map(checkItem));
    const rejected = report.counts.rejected;
    if (rejected === report.received) {
      const errors = report.results.flatMap((r) => r.errors ?? []);
      throw new BulwarkError('validation', `None of the ${rejected} alerts was stored; each has a problem (see errors and results).`, { errors: errors.slice(0, 1000), extra: { results: report.results } });
    }
    reply.code(rejected > 0 ? 207 : 200);
    return report;
  });
}
