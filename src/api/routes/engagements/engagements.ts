import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { addEngagement } from '../../../services/engagements/add-engagement.js';
import { listEngagements } from '../../../services/engagements/list-engagements.js';
import { updateEngagement } from '../../../services/engagements/update-engagement.js';
import { serviceContext } from '../../context.js';
import { presentEngagement } from '../../presenters/engagement.js';
import { etag, idParam, ifMatchHeaders, problemResponses, requiredVersion } from '../../schemas.js';
import { createEngagementBody, engagementListSchema, engagementSchema, updateEngagementBody } from './schema.js';

const tags = ['Third-party engagements'];

/** Outside help called in on an incident (docs/reports.md, "Third-party engagements"). */
export async function engagementRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/incidents/:id/engagements', {
    schema: { tags, summary: "An incident's third-party engagements, with the plan's third parties", params: idParam, response: { 200: engagementListSchema, ...problemResponses } },
  }, async (request) => {
    const list = await listEngagements(serviceContext(request), request.params.id);
    return { items: list.items.map(presentEngagement), plan: list.plan };
  });

  api.post('/api/v1/incidents/:id/engagements', {
    schema: {
      tags,
      summary: 'Record that a third party was called',
      description: 'From the plan in force (party_id) or typed by hand (kind and name). A party_id the plan does not have, or engaged_at in the future, answers 400.',
      params: idParam,
      body: createEngagementBody,
      response: { 201: engagementSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const engagement = await addEngagement(serviceContext(request), request.params.id, request.body);
    reply.code(201).header('etag', etag(engagement.version)).header('location', `/api/v1/engagements/${engagement.id}`);
    return presentEngagement(engagement);
  });

  api.patch('/api/v1/engagements/:id', {
    schema: {
      tags,
      summary: "Change an engagement's status, privilege, contract or notes",
      description: 'Needs the version you saw, as If-Match: "<version>" or a version field; 412 when someone changed it since, 409 for a status move the course does not allow.',
      params: idParam,
      headers: ifMatchHeaders,
      body: updateEngagementBody,
      response: { 200: engagementSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const { version, ...changes } = request.body;
    const expected = requiredVersion(request.headers['if-match'], version);
    const engagement = await updateEngagement(serviceContext(request), request.params.id, expected, changes);
    reply.header('etag', etag(engagement.version));
    return presentEngagement(engagement);
  });
}
