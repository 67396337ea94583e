import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createRisk } from '../../../services/risks/create-risk.js';
import { getRisk } from '../../../services/risks/get-risk.js';
import { listRiskHistory } from '../../../services/risks/list-risk-history.js';
import { listRisks } from '../../../services/risks/list-risks.js';
import { reviewRisk } from '../../../services/risks/review-risk.js';
import { riskDashboard } from '../../../services/risks/risk-dashboard.js';
import { riskHeatMap } from '../../../services/risks/risk-heat-map.js';
import { updateRisk } from '../../../services/risks/update-risk.js';
import { serviceContext } from '../../context.js';
import { presentRisk, presentRiskDetail, presentRiskHistory } from '../../presenters/risk.js';
import { etag, idParam, idempotencyHeaders, idempotencyOf, ifMatchHeaders, optionalVersion, problemResponses, requiredVersion } from '../../schemas.js';
import {
  createRiskBody,
  dashboardSchema,
  heatMapQuery,
  heatMapSchema,
  historyQuery,
  listRisksQuery,
  reviewRiskBody,
  riskDetailSchema,
  riskHistoryPageSchema,
  riskPageSchema,
  riskSchema,
  updateRiskBody,
} from './schema.js';

const tags = ['Risk register'];

export async function riskRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/risks', {
    schema: { tags, summary: 'The risk register: filter, search, sort', description: 'Cursor-paginated; by default the highest residual level first. likelihood + impact (+ basis) list one heat-map cell.', querystring: listRisksQuery, response: { 200: riskPageSchema, ...problemResponses } },
  }, async (request) => {
    const q = request.query;
    const page = await listRisks(serviceContext(request), {
      statuses: q.status,
      owner_id: q.owner_id,
      categories: q.category,
      levels: q.level,
      inherent_levels: q.inherent_level,
      over_appetite: q.over_appetite,
      likelihood: q.likelihood,
      impact: q.impact,
      basis: q.basis,
      asset_id: q.asset_id,
      review_due: q.review_due,
      q: q.q,
      sort: q.sort,
      direction: q.direction,
      limit: q.limit,
      cursor: q.cursor,
    });
    return { items: page.items.map(presentRisk), next_cursor: page.next_cursor };
  });

  api.post('/api/v1/risks', {
    schema: { tags, summary: 'Add a risk to the register', description: 'Numbered RISK-0001 onwards. Send an Idempotency-Key header to make retries safe.', headers: idempotencyHeaders, body: createRiskBody, response: { 201: riskSchema, ...problemResponses } },
  }, async (request, reply) => {
    const idempotency = idempotencyOf(request.headers['idempotency-key'], request.body);
    const { risk, replayed } = await createRisk(serviceContext(request), request.body, idempotency);
    reply.code(201).header('etag', etag(risk.version)).header('location', `/api/v1/risks/${risk.id}`);
    if (replayed) reply.header('idempotent-replayed', 'true');
    return presentRisk(risk);
  });

  api.get('/api/v1/risks/heat-map', {
    schema: { tags, summary: 'Open risks per likelihood × impact cell', querystring: heatMapQuery, response: { 200: heatMapSchema, ...problemResponses } },
  }, async (request) => riskHeatMap(serviceContext(request), request.query.basis));

  api.get('/api/v1/risks/dashboard', {
    schema: { tags, summary: 'Top risks, over appetite, overdue reviews and treatments, expired acceptances, residual trend', response: { 200: dashboardSchema, ...problemResponses } },
  }, async (request) => {
    const d = await riskDashboard(serviceContext(request));
    return {
      top: d.top.map(presentRisk),
      over_appetite: d.over_appetite.map(presentRisk),
      overdue_reviews: d.overdue_reviews.map(presentRisk),
      overdue_treatments: d.overdue_treatments.map((t) => ({ risk: presentRisk(t.risk), control_id: t.control_id, due_at: t.due_at })),
      expired_acceptances: d.expired_acceptances.map(presentRisk),
      trend: d.trend,
    };
  });

  api.get('/api/v1/risks/:id', {
    schema: { tags, summary: 'One risk with its assets, controls, residual and latest simulation', description: 'Accepts the id or the number (RISK-0007).', params: idParam, response: { 200: riskDetailSchema, ...problemResponses } },
  }, async (request, reply) => {
    const detail = await getRisk(serviceContext(request), request.params.id);
    reply.header('etag', etag(detail.risk.version));
    return presentRiskDetail(detail);
  });

  api.patch('/api/v1/risks/:id', {
    schema: { tags, summary: 'Edit a risk', description: 'Needs the version you saw, as If-Match: "<version>" or a version field (412 when someone changed it since, 428 without). Every change goes to the history with the reason.', params: idParam, headers: ifMatchHeaders, body: updateRiskBody, response: { 200: riskSchema, ...problemResponses } },
  }, async (request, reply) => {
    const { version, ...changes } = request.body;
    const expected = requiredVersion(request.headers['if-match'], version);
    const risk = await updateRisk(serviceContext(request), request.params.id, expected, changes);
    reply.header('etag', etag(risk.version));
    return presentRisk(risk);
  });

  api.post('/api/v1/risks/:id/review', {
    schema: { tags, summary: 'Record a review of the risk', description: 'last_reviewed_at = now; next_review_at = now + the review cadence. If-Match is optional.', params: idParam, headers: ifMatchHeaders, body: reviewRiskBody, response: { 200: riskSchema, ...problemResponses } },
  }, async (request, reply) => {
    const expected = optionalVersion(request.headers['if-match'], request.body.version);
    const risk = await reviewRisk(serviceContext(request), request.params.id, { note: request.body.note, expected_version: expected });
    reply.header('etag', etag(risk.version));
    return presentRisk(risk);
  });

  api.get('/api/v1/risks/:id/history', {
    schema: { tags, summary: "A risk's changes, oldest first", params: idParam, querystring: historyQuery, response: { 200: riskHistoryPageSchema, ...problemResponses } },
  }, async (request) => {
    const page = await listRiskHistory(serviceContext(request), request.params.id, request.query);
    return { items: page.items.map(presentRiskHistory), next_cursor: page.next_cursor };
  });
}
