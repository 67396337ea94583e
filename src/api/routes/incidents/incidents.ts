import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createIncident } from '../../../services/incidents/create-incident.js';
import { getIncidentOverview } from '../../../services/incidents/get-incident.js';
import { countMatchingIncidents, listIncidents } from '../../../services/incidents/list-incidents.js';
import { markReviewCompleted } from '../../../services/incidents/mark-review-completed.js';
import { transitionIncident } from '../../../services/incidents/transition-incident.js';
import { updateIncident } from '../../../services/incidents/update-incident.js';
import { serviceContext } from '../../context.js';
import { presentIncident, presentIncidentDetail } from '../../presenters/incident.js';
import { etag, idParam, idempotencyHeaders, idempotencyOf, ifMatchHeaders, optionalVersion, problemResponses, requiredVersion } from '../../schemas.js';
import { createIncidentBody, incidentDetailSchema, incidentPageSchema, incidentSchema, listIncidentsQuery, reviewMarkBody, transitionBody, updateIncidentBody } from './schema.js';

const tags = ['Incidents'];

function listInput(query: z.infer<typeof listIncidentsQuery>) {
  return {
    phases: query.phase,
    severities: query.severity,
    categories: query.category,
    tags: query.tag,
    assignee_id: query.assignee,
    open: query.open,
    restricted: query.restricted,
    detected_from: query.detected_from,
    detected_to: query.detected_to,
    q: query.q,
    sort: query.sort,
    direction: query.direction,
    limit: query.limit,
    cursor: query.cursor,
  };
}

export async function incidentRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/incidents', {
    schema: { tags, summary: 'List and search incidents', description: 'Cursor-paginated; restricted incidents appear only to their members and administrators.', querystring: listIncidentsQuery, response: { 200: incidentPageSchema, ...problemResponses } },
  }, async (request) => {
    const page = await listIncidents(serviceContext(request), listInput(request.query));
    return { items: page.items.map(presentIncident), next_cursor: page.next_cursor };
  });

  api.get('/api/v1/incidents/count', {
    schema: { tags, summary: 'Count incidents matching the same filters as the list', querystring: listIncidentsQuery.omit({ limit: true, cursor: true, sort: true, direction: true }), response: { 200: z.object({ count: z.number().int() }), ...problemResponses } },
  }, async (request) => ({ count: await countMatchingIncidents(serviceContext(request), listInput({ ...request.query, limit: 0 } as never)) }));

  api.post('/api/v1/incidents', {
    schema: { tags, summary: 'Open an incident', description: 'Send an Idempotency-Key header to make retries safe.', headers: idempotencyHeaders, body: createIncidentBody, response: { 201: incidentSchema, 200: incidentSchema, ...problemResponses } },
  }, async (request, reply) => {
    const idempotency = idempotencyOf(request.headers['idempotency-key'], request.body);
    const { incident, replayed } = await createIncident(serviceContext(request), request.body, idempotency);
    reply.code(201).header('etag', etag(incident.version)).header('location', `/api/v1/incidents/${incident.id}`);
    if (replayed) reply.header('idempotent-replayed', 'true');
    return presentIncident(incident);
  });

  api.get('/api/v1/incidents/:id', {
    schema: { tags, summary: 'One incident with its people and phase history', description: 'Accepts the id or the number (INC-2026-0001).', params: idParam, response: { 200: incidentDetailSchema, ...problemResponses } },
  }, async (request, reply) => {
    const overview = await getIncidentOverview(serviceContext(request), request.params.id);
    reply.header('etag', etag(overview.incident.version));
    return presentIncidentDetail(overview);
  });

  api.patch('/api/v1/incidents/:id', {
    schema: { tags, summary: 'Edit an incident', description: 'Needs the version you saw, as If-Match: "<version>" or a version field; answers 412 when someone changed it since.', params: idParam, headers: ifMatchHeaders, body: updateIncidentBody, response: { 200: incidentSchema, ...problemResponses } },
  }, async (request, reply) => {
    const { version, ...changes } = request.body;
    const expected = requiredVersion(request.headers['if-match'], version);
    const incident = await updateIncident(serviceContext(request), request.params.id, expected, changes);
    reply.header('etag', etag(incident.version));
    return presentIncident(incident);
  });

  api.post('/api/v1/incidents/:id/transitions', {
    schema: { tags, summary: 'Move an incident to another phase', description: 'Moving back is allowed; skipping phases needs a reason; closing needs a resolution, and for severity 1–2 a completed review.', params: idParam, headers: ifMatchHeaders, body: transitionBody, response: { 200: incidentSchema, ...problemResponses } },
  }, async (request, reply) => {
    const expected = optionalVersion(request.headers['if-match'], request.body.version);
    const incident = await transitionIncident(serviceContext(request), request.params.id, { ...request.body, expected_version: expected });
    reply.header('etag', etag(incident.version));
    return presentIncident(incident);
  });

  api.put('/api/v1/incidents/:id/review-completed', {
    schema: { tags, summary: 'Mark the post-incident review as completed (or not)', description: 'Stands in for the structured review until it exists; severity 1–2 incidents need it to close.', params: idParam, body: reviewMarkBody, response: { 200: incidentSchema, ...problemResponses } },
  }, async (request, reply) => {
    const incident = await markReviewCompleted(serviceContext(request), request.params.id, request.body.completed);
    reply.header('etag', etag(incident.version));
    return presentIncident(incident);
  });
}
