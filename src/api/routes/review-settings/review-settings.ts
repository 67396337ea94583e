import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getReviewSettings, setReviewSettings } from '../../../services/reviews/review-settings.js';
import { serviceContext } from '../../context.js';
import { problemResponses } from '../../schemas.js';
import { reviewSettingsSchema } from './schema.js';

const tags = ['Post-incident review'];

export async function reviewSettingsRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/review-settings', {
    schema: { tags, summary: 'Which review fields are required before completing', response: { 200: reviewSettingsSchema, ...problemResponses } },
  }, async (request) => getReviewSettings(serviceContext(request)));

  api.put('/api/v1/review-settings', {
    schema: { tags, summary: 'Set the required review fields (administrators, incident managers)', body: reviewSettingsSchema, response: { 200: reviewSettingsSchema, ...problemResponses } },
  }, async (request) => setReviewSettings(serviceContext(request), request.body));
}
