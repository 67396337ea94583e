import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { linkIncidentRisk } from '../../../services/incident-risks/link-incident-risk.js';
import { listIncidentRisks } from '../../../services/incident-risks/list-incident-risks.js';
import { listRiskIncidents } from '../../../services/incident-risks/list-risk-incidents.js';
import { suggestIncidentPlaybooks } from '../../../services/incident-risks/suggest-incident-playbooks.js';
import { suggestIncidentRisks } from '../../../services/incident-risks/suggest-incident-risks.js';
import { unlinkIncidentRisk } from '../../../services/incident-risks/unlink-incident-risk.js';
import { serviceContext } from '../../context.js';
import { idParam, problemResponses } from '../../schemas.js';
import { incidentRiskSchema, linkRiskBody, riskIncidentsSchema, riskLinkParams, suggestedPlaybooksSchema, suggestedRisksSchema } from './schema.js';

const tags = ['Post-incident review'];

/** The risks an incident materialised (issue #5), suggestions for more, their playbooks, and the register's view back. */
export async function incidentRiskRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/incidents/:id/risks', {
    schema: { tags, summary: 'The risks the incident materialised', params: idParam, response: { 200: z.object({ items: z.array(incidentRiskSchema) }), ...problemResponses } },
  }, async (request) => listIncidentRisks(serviceContext(request), request.params.id));

  api.post('/api/v1/incidents/:id/risks', {
    schema: {
      tags,
      summary: 'Link a risk the incident materialised',
      description: 'Recorded on the timeline and in the audit log. 400 for a risk that is not in the register, 409 when it is linked already.',
      params: idParam,
      body: linkRiskBody,
      response: { 201: incidentRiskSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    reply.code(201);
    return linkIncidentRisk(serviceContext(request), request.params.id, request.body);
  });

  api.delete('/api/v1/incidents/:id/risks/:risk_id', {
    schema: { tags, summary: 'Unlink a risk', description: 'The timeline keeps a record of the link and its removal.', params: riskLinkParams, response: { 204: z.null(), ...problemResponses } },
  }, async (request, reply) => {
    await unlinkIncidentRisk(serviceContext(request), request.params.id, request.params.risk_id);
    return reply.code(204).send(null);
  });

  api.get('/api/v1/incidents/:id/risks/suggested', {
    schema: {
      tags,
      summary: 'Risks the incident may have materialised',
      description: 'Open risks not linked yet whose ATT&CK techniques overlap the incident\'s, whose category matches, or whose assets are named in the title, summary or a hostname observable; each with its reasons, strongest first.',
      params: idParam,
      response: { 200: suggestedRisksSchema, ...problemResponses },
    },
  }, async (request) => suggestIncidentRisks(serviceContext(request), request.params.id));

  api.get('/api/v1/incidents/:id/playbooks/suggested', {
    schema: { tags, summary: 'Playbooks for the incident', description: 'The playbooks of linked risks first, then those of suggested risks, each with the risks that name it.', params: idParam, response: { 200: suggestedPlaybooksSchema, ...problemResponses } },
  }, async (request) => suggestIncidentPlaybooks(serviceContext(request), request.params.id));

  api.get('/api/v1/risks/:id/incidents', {
    schema: {
      tags: ['Risk register'],
      summary: 'The incidents a risk materialised in',
      description: 'Times materialised in the last 12 months and ever (every incident counts), and the incidents the viewer may see, newest first.',
      params: idParam,
      response: { 200: riskIncidentsSchema, ...problemResponses },
    },
  }, async (request) => listRiskIncidents(serviceContext(request), request.params.id));
}
