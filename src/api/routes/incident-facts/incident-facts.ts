import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getIncidentFacts } from '../../../services/obligations/get-incident-facts.js';
import { saveIncidentFacts } from '../../../services/obligations/save-incident-facts.js';
import { serviceContext } from '../../context.js';
import { presentIncidentFacts } from '../../presenters/obligation.js';
import { etag, idParam, ifMatchHeaders, optionalVersion, problemResponses } from '../../schemas.js';
import { incidentFactsBody, incidentFactsSchema } from './schema.js';

const tags = ['Obligations'];

export async function incidentFactsRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/incidents/:id/facts', {
    schema: { tags, summary: 'The facts the obligations engine reads for this incident', description: '404 until they are first saved.', params: idParam, response: { 200: incidentFactsSchema, ...problemResponses } },
  }, async (request, reply) => {
    const facts = await getIncidentFacts(serviceContext(request), request.params.id);
    reply.header('etag', etag(facts.version));
    return presentIncidentFacts(facts);
  });

  api.put('/api/v1/incidents/:id/facts', {
    schema: {
      tags,
      summary: 'Record the incident facts (recomputes its obligations)',
      description: 'Replaces the facts. Contradictions (no personal data but people, jurisdictions or categories given; discovered after aware) answer 400 naming each field, and nothing is saved. Once the facts exist, needs the version you saw (If-Match or version; 428 without, 412 when someone saved since). Needs obligation.write.',
      params: idParam,
      headers: ifMatchHeaders,
      body: incidentFactsBody,
      response: { 200: incidentFactsSchema, 201: incidentFactsSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const { version, ...facts } = request.body;
    const { facts: saved, created } = await saveIncidentFacts(serviceContext(request), request.params.id, optionalVersion(request.headers['if-match'], version), facts);
    reply.code(created ? 201 : 200).header('etag', etag(saved.version));
    return presentIncidentFacts(saved);
  });
}
