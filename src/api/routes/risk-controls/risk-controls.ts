import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { linkRiskControl } from '../../../services/controls/link-risk-control.js';
import { unlinkRiskControl } from '../../../services/controls/unlink-risk-control.js';
import { updateRiskControl } from '../../../services/controls/update-risk-control.js';
import { serviceContext } from '../../context.js';
import { presentRiskControl } from '../../presenters/control.js';
import { etag, idParam, ifMatchHeaders, optionalVersion, problemResponses } from '../../schemas.js';
import { linkBody, linkParams, riskControlSchema, updateLinkBody } from './schema.js';

const tags = ['Risk register'];

export async function riskControlRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/v1/risks/:id/controls', {
    schema: { tags, summary: 'Make a risk rely on a control', description: 'The risk (id or number) is re-scored: its derived residual follows its controls.', params: idParam, body: linkBody, response: { 201: riskControlSchema, ...problemResponses } },
  }, async (request, reply) => {
    const link = await linkRiskControl(serviceContext(request), request.params.id, request.body);
    reply.code(201).header('etag', etag(link.version));
    return presentRiskControl(link);
  });

  api.patch('/api/v1/risks/:id/controls/:control_id', {
    schema: { tags, summary: 'Change a mitigation (status, owner, due date, note)', description: 'If-Match or a version field is checked when given.', params: linkParams, headers: ifMatchHeaders, body: updateLinkBody, response: { 200: riskControlSchema, ...problemResponses } },
  }, async (request, reply) => {
    const { version, ...changes } = request.body;
    const link = await updateRiskControl(serviceContext(request), request.params.id, request.params.control_id, optionalVersion(request.headers['if-match'], version), changes);
    reply.header('etag', etag(link.version));
    return presentRiskControl(link);
  });

  api.delete('/api/v1/risks/:id/controls/:control_id', {
    schema: { tags, summary: 'The risk no longer relies on the control', description: 'The risk is re-scored.', params: linkParams, response: { 204: z.null(), ...problemResponses } },
  }, async (request, reply) => {
    await unlinkRiskControl(serviceContext(request), request.params.id, request.params.control_id);
    return reply.code(204).send(null);
  });
}
