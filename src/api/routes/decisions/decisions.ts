import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listDecisions } from '../../../services/decisions/list-decisions.js';
import { recordDecision } from '../../../services/decisions/record-decision.js';
import { serviceContext } from '../../context.js';
import { presentDecision } from '../../presenters/obligation.js';
import { idParam, problemResponses } from '../../schemas.js';
import { decisionListSchema, decisionSchema, recordDecisionBody } from './schema.js';

const tags = ['Obligations'];

export async function decisionRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/incidents/:id/decisions', {
    schema: { tags, summary: "The incident's signed decision records", description: 'Superseded ones included (superseded_by), in the order they were signed.', params: idParam, response: { 200: decisionListSchema, ...problemResponses } },
  }, async (request) => ({ items: (await listDecisions(serviceContext(request), request.params.id)).map(presentDecision) }));

  api.post('/api/v1/incidents/:id/decisions', {
    schema: {
      tags,
      summary: 'Sign a decision record ("personal data breach: yes", "material: yes"…)',
      description: 'Signed by the caller with a SHA-256 signature; never edited, a new decision of the same kind supersedes the old. decided_at is required and not in the future. A yes starts the clocks of its kind, a no stops them; personal_data_breach sets the facts\' personal_data. Allowed with decision.record, or to the legal counsel, executive sponsor or commander of the incident.',
      params: idParam,
      body: recordDecisionBody,
      response: { 201: decisionSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const decision = await recordDecision(serviceContext(request), request.params.id, request.body);
    reply.code(201);
    return presentDecision(decision);
  });
}
