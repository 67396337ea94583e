import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assignIncidentRole } from '../../../services/members/assign-incident-role.js';
import { listIncidentMembers } from '../../../services/members/list-incident-members.js';
import { releaseIncidentRole } from '../../../services/members/release-incident-role.js';
import { serviceContext } from '../../context.js';
import { presentMember } from '../../presenters/member.js';
import { idParam, problemResponses } from '../../schemas.js';
import { memberSchema } from '../incidents/schema.js';
import { assignRoleBody, memberListSchema, memberParams, membersQuery } from './schema.js';

const tags = ['People & roles'];

export async function memberRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/incidents/:id/members', {
    schema: { tags, summary: 'Who holds which role on an incident', description: 'history=true adds released tenures, so hand-overs can be read with their times.', params: idParam, querystring: membersQuery, response: { 200: memberListSchema, ...problemResponses } },
  }, async (request) => {
    const members = await listIncidentMembers(serviceContext(request), request.params.id, { history: request.query.history ?? false });
    return { items: members.map(presentMember) };
  });

  api.post('/api/v1/incidents/:id/members', {
    schema: { tags, summary: 'Assign a role on an incident', description: 'Incident managers and administrators assign anyone; a responder may take command of an incident that has no commander.', params: idParam, body: assignRoleBody, response: { 201: memberSchema, ...problemResponses } },
  }, async (request, reply) => {
    const member = await assignIncidentRole(serviceContext(request), request.params.id, request.body);
    reply.code(201);
    return presentMember(member);
  });

  api.delete('/api/v1/incidents/:id/members/:member_id', {
    schema: { tags, summary: 'Release someone from a role', description: 'The tenure ends now and stays in the history.', params: memberParams, response: { 200: memberSchema, ...problemResponses } },
  }, async (request) => presentMember(await releaseIncidentRole(serviceContext(request), request.params.id, request.params.member_id)));
}
