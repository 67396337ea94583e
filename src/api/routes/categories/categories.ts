import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addIncidentCategory } from '../../../services/categories/add-category.js';
import { listIncidentCategories } from '../../../services/categories/list-categories.js';
import { serviceContext } from '../../context.js';
import { problemResponses } from '../../schemas.js';
import { categorySchema, createCategoryBody } from './schema.js';

const tags = ['Incident categories'];

export async function categoryRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/incident-categories', {
    schema: { tags, summary: 'List incident categories', description: 'The built-in ones, then the organisation’s own.', response: { 200: z.object({ items: z.array(categorySchema) }), ...problemResponses } },
  }, async (request) => ({ items: await listIncidentCategories(serviceContext(request)) }));

  api.post('/api/v1/incident-categories', {
    schema: { tags, summary: 'Add an incident category (incident managers, administrators)', description: 'The key may not clash with a built-in or existing one (409).', body: createCategoryBody, response: { 201: categorySchema, ...problemResponses } },
  }, async (request, reply) => {
    const category = await addIncidentCategory(serviceContext(request), request.body);
    reply.code(201);
    return category;
  });
}
