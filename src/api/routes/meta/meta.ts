import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { describeVocabulary } from '../../../services/meta/describe-vocabulary.js';
import { serviceContext } from '../../context.js';
import { problemResponses } from '../../schemas.js';
import { metaSchema } from './schema.js';

export async function metaRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/meta', {
    schema: { tags: ['Meta'], summary: 'Labels and choices for rendering values and pickers', description: 'Phases, severities, categories (built-in and custom), TLP, resolutions, roles, incident roles, NIST impact ratings, task statuses.', response: { 200: metaSchema, ...problemResponses } },
  }, async (request) => describeVocabulary(serviceContext(request)));
}
