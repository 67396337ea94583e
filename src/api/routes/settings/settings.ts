import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getClosePolicy, setClosePolicy } from '../../../services/settings.js';
import { serviceContext } from '../../context.js';
import { presentClosePolicy } from '../../presenters/close-policy.js';
import { problemResponses } from '../../schemas.js';
import { closePolicyBody, closePolicySchema } from './schema.js';

const tags = ['Settings'];

export async function settingsRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/settings/close-policy', {
    schema: { tags, summary: 'Which severities need a completed review before closing', response: { 200: closePolicySchema, ...problemResponses } },
  }, async (request) => presentClosePolicy(await getClosePolicy(serviceContext(request))));

  api.put('/api/v1/settings/close-policy', {
    schema: { tags, summary: 'Change the close policy (administrators)', body: closePolicyBody, response: { 200: closePolicySchema, ...problemResponses } },
  }, async (request) => presentClosePolicy(await setClosePolicy(serviceContext(request), { reviewRequiredForSeverities: request.body.review_required_for_severities })));
}
