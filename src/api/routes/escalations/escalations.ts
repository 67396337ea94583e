import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { acknowledgeEscalation } from '../../../services/escalations/acknowledge-escalation.js';
import { listEscalations } from '../../../services/escalations/list-escalations.js';
import { serviceContext } from '../../context.js';
import { presentEscalation } from '../../presenters/escalation.js';
import { idParam, problemResponses } from '../../schemas.js';
import { acknowledgementPages } from './ack-pages.js';
import { acknowledgeBody, escalationListSchema, escalationParams, escalationSchema } from './schema.js';

const tags = ['People & roles'];

export async function escalationRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/incidents/:id/escalations', {
    schema: { tags, summary: 'Who the escalation matrix called for an incident', description: 'Oldest first, with how each was reached, their mobile number from the plan, and whether and how they acknowledged.', params: idParam, response: { 200: escalationListSchema, ...problemResponses } },
  }, async (request) => ({ items: (await listEscalations(serviceContext(request), request.params.id)).map(presentEscalation) }));

  api.post('/api/v1/incidents/:id/escalations/:escalation_id/acknowledge', {
    schema: {
      tags,
      summary: 'Acknowledge a call',
      description: 'By the person called (recorded as acknowledged in the app), or on their behalf by an incident manager or administrator with a note (recorded as acknowledged by phone). A call is acknowledged once: a second time answers 409 with the first time.',
      params: escalationParams,
      body: acknowledgeBody,
      response: { 200: escalationSchema, ...problemResponses },
    },
  }, async (request) => presentEscalation(await acknowledgeEscalation(serviceContext(request), request.params.id, request.params.escalation_id, request.body)));

  await app.register(acknowledgementPages);
}
