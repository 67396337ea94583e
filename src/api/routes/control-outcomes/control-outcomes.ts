import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listControlOutcomes } from '../../../services/control-outcomes/list-control-outcomes.js';
import { listIncidentControlOutcomes } from '../../../services/control-outcomes/list-incident-control-outcomes.js';
import { recordControlOutcome } from '../../../services/control-outcomes/record-control-outcome.js';
import { removeControlOutcome } from '../../../services/control-outcomes/remove-control-outcome.js';
import { updateControlOutcome } from '../../../services/control-outcomes/update-control-outcome.js';
import { serviceContext } from '../../context.js';
import { etag, idParam, ifMatchHeaders, optionalVersion, problemResponses } from '../../schemas.js';
import { controlOutcomeSchema, controlOutcomesOfControlSchema, outcomeParams, recordOutcomeBody, updateOutcomeBody } from './schema.js';

const tags = ['Post-incident review'];

/** What each control did in an incident (issue #5), and per control the incidents it worked or failed in. */
export async function controlOutcomeRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/incidents/:id/control-outcomes', {
    schema: { tags, summary: 'What each control did in the incident', params: idParam, response: { 200: z.object({ items: z.array(controlOutcomeSchema) }), ...problemResponses } },
  }, async (request) => listIncidentControlOutcomes(serviceContext(request), request.params.id));

  api.post('/api/v1/incidents/:id/control-outcomes', {
    schema: {
      tags,
      summary: 'Record what a control did: worked, detected, failed, bypassed or absent',
      description: 'Once per control and incident (409 after that: change the outcome instead). 400 for a control that is not in the register.',
      params: idParam,
      body: recordOutcomeBody,
      response: { 201: controlOutcomeSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const outcome = await recordControlOutcome(serviceContext(request), request.params.id, request.body);
    reply.code(201).header('etag', etag(outcome.version));
    return outcome;
  });

  api.patch('/api/v1/incidents/:id/control-outcomes/:outcome_id', {
    schema: { tags, summary: 'Change a control outcome or its note', description: 'If-Match or a version field is checked when given.', params: outcomeParams, headers: ifMatchHeaders, body: updateOutcomeBody, response: { 200: controlOutcomeSchema, ...problemResponses } },
  }, async (request, reply) => {
    const { version, ...changes } = request.body;
    const outcome = await updateControlOutcome(serviceContext(request), request.params.id, request.params.outcome_id, optionalVersion(request.headers['if-match'], version), changes);
    reply.header('etag', etag(outcome.version));
    return outcome;
  });

  api.delete('/api/v1/incidents/:id/control-outcomes/:outcome_id', {
    schema: { tags, summary: 'Remove a control outcome recorded in error', description: 'The timeline keeps what it said.', params: outcomeParams, response: { 204: z.null(), ...problemResponses } },
  }, async (request, reply) => {
    await removeControlOutcome(serviceContext(request), request.params.id, request.params.outcome_id);
    return reply.code(204).send(null);
  });

  api.get('/api/v1/controls/:id/outcomes', {
    schema: { tags: ['Controls'], summary: 'The incidents a control worked, detected, failed, was bypassed or absent in', description: 'Counts over every incident; the incidents the viewer may see, newest first.', params: idParam, response: { 200: controlOutcomesOfControlSchema, ...problemResponses } },
  }, async (request) => listControlOutcomes(serviceContext(request), request.params.id));
}
