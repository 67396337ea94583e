import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listIncidentTechniques } from '../../../services/attack/list-incident-techniques.js';
import { tagIncidentTechnique } from '../../../services/attack/tag-incident-technique.js';
import { untagIncidentTechnique } from '../../../services/attack/untag-incident-technique.js';
import { serviceContext } from '../../context.js';
import { idParam, problemResponses } from '../../schemas.js';
import { incidentTechniquesSchema, tagTechniqueBody, techniqueTagSchema, untagParams, untagQuery } from './schema.js';

const tags = ['MITRE ATT&CK'];

export async function incidentTechniqueRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/incidents/:id/techniques', {
    schema: { tags, summary: "An incident's techniques by tactic", params: idParam, response: { 200: incidentTechniquesSchema, ...problemResponses } },
  }, async (request) => listIncidentTechniques(serviceContext(request), request.params.id));

  api.post('/api/v1/incidents/:id/techniques', {
    schema: {
      tags,
      summary: 'Tag the incident or a timeline entry with a technique',
      description: 'From the imported catalogue; deprecated and revoked techniques are refused. 201 when tagged, 200 when it already was.',
      params: idParam,
      body: tagTechniqueBody,
      response: { 200: techniqueTagSchema, 201: techniqueTagSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const outcome = await tagIncidentTechnique(serviceContext(request), request.params.id, request.body);
    reply.code(outcome.created ? 201 : 200);
    return outcome.tag;
  });

  api.delete('/api/v1/incidents/:id/techniques/:technique_id', {
    schema: { tags, summary: 'Remove a technique tag', description: 'The timeline keeps a record of the removal.', params: untagParams, querystring: untagQuery, response: { 204: z.null(), ...problemResponses } },
  }, async (request, reply) => {
    await untagIncidentTechnique(serviceContext(request), request.params.id, { technique_id: request.params.technique_id, timeline_entry_id: request.query.timeline_entry_id });
    return reply.code(204).send(null);
  });
}
