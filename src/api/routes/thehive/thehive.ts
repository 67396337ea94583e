import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { invalid } from '../../../domain/errors.js';
import { instantFromEpochMs, papFromTheHive, severityFromTheHive, tlpFromTheHive } from '../../../domain/ingestion.js';
import { theHiveDataTypeToObservable } from '../../../domain/observables.js';
import type { AlertInput } from '../../../services/ingestion/alert-input.js';
import { ingestAlert } from '../../../services/ingestion/ingest-alerts.js';
import { serviceContext } from '../../context.js';
import { ingestRateLimitConfig, type ResourceRouteOptions } from '../../ingest-rate-limit.js';
import { presentTheHiveAlert } from '../../presenters/thehive-alert.js';
import { problemResponses, problemSchema } from '../../schemas.js';
import { theHiveAlertBody, theHiveAlertSchema, type TheHiveAlertBody } from './schema.js';

const tags = ['TheHive compatibility'];

/** TheHive file artifacts carry "name;mime;base64" in data: the name is what is kept. */
const artifactValue = (dataType: string, data: string) => (dataType.toLowerCase() === 'file' && data.includes(';') ? data.split(';')[0]! : data);

export function fromTheHive(body: TheHiveAlertBody): AlertInput {
  const tlp = tlpFromTheHive(body.tlp ?? 2);
  const artifacts = body.artifacts ?? body.observables ?? [];
  return {
    source: body.source,
    source_ref: body.sourceRef,
    type: body.type,
    title: body.title,
    description: body.description ?? '',
    severity: severityFromTheHive(body.severity ?? 2),
    occurred_at: instantFromEpochMs(body.date),
    tags: [...new Set((body.tags ?? []).filter((t) => t !== ''))],
    tlp,
    pap: papFromTheHive(body.pap ?? 2),
    observables: artifacts.map((a) => {
      const value = artifactValue(a.dataType, a.data ?? '');
      const normalised = a.data === undefined ? { ok: false as const, reason: 'attachments are not kept: send the file name or its hash as data' } : theHiveDataTypeToObservable(a.dataType, value);
      return {
        type: a.dataType,
        value,
        ioc: a.ioc,
        sighted: a.sighted,
        tlp: a.tlp === undefined ? tlp : tlpFromTheHive(a.tlp),
        tags: (a.tags ?? []).filter((t) => t !== ''),
        note: a.message,
        normalised,
      };
    }),
    raw: body,
  };
}

export async function theHiveRoutes(app: FastifyInstance, options: ResourceRouteOptions) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const config = ingestRateLimitConfig(options.ingestRateLimit);
  for (const url of ['/api/alert', '/api/v1/alert']) {
    api.post(url, {
      config,
      schema: {
        tags,
        summary: `Send an alert in TheHive's format (${url === '/api/alert' ? 'TheHive 4' : 'TheHive 5'})`,
        description: 'For TheHive4py, ElastAlert2 and Wazuh: authenticate with "Authorization: Bearer <API token>". Severity 1–4 is TheHive\'s (4 critical) and stored inverted; tlp 0–4 and pap 0–3 map to TLP 2.0 / PAP names. A repeat of the same (source, sourceRef) answers 201 too, with status "Updated". See docs/alerts.md.',
        body: theHiveAlertBody,
        response: { 201: theHiveAlertSchema, 429: problemSchema, ...problemResponses },
      },
    }, async (request, reply) => {
      const ctx = serviceContext(request);
      const report = await ingestAlert(ctx, fromTheHive(request.body));
      const result = report.results[0]!;
      if (result.outcome === 'rejected') {
        // TheHive's observables are `artifacts` (v4) or `observables` (v5): name the list the sender used.
        const list = request.body.artifacts ? 'artifacts' : 'observables';
        const errors = (result.errors ?? []).map((e) => ({ ...e, path: e.path.replace('body.observables.', `body.${list}.`).replace(/\.value$/, '.data') }));
        throw invalid(`The alert was not stored: ${errors.map((e) => `${e.path} (${e.message})`).join('; ')}.`, errors);
      }
      reply.code(201);
      return presentTheHiveAlert(request.body, result, report.at, ctx.actor.userId);
    });
  }
}
