import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createApiToken } from '../../../services/tokens/create-api-token.js';
import { listApiTokens } from '../../../services/tokens/list-api-tokens.js';
import { revokeApiToken } from '../../../services/tokens/revoke-api-token.js';
import { serviceContext } from '../../context.js';
import { presentApiToken } from '../../presenters/people.js';
import { idParam, problemResponses } from '../../schemas.js';
import { apiTokenSchema, createApiTokenBody, createdApiTokenSchema } from './schema.js';

const tags = ['API tokens'];

export async function tokenRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/tokens', {
    schema: { tags, summary: 'List API tokens', description: 'Your own tokens; administrators see everyone’s. Newest first.', response: { 200: z.object({ items: z.array(apiTokenSchema) }), ...problemResponses } },
  }, async (request) => ({ items: (await listApiTokens(serviceContext(request))).map(presentApiToken) }));

  api.post('/api/v1/tokens', {
    schema: { tags, summary: 'Create an API token', description: 'The secret is answered once and stored only as a hash. The role may exceed neither the owner’s nor your own.', body: createApiTokenBody, response: { 201: createdApiTokenSchema, ...problemResponses } },
  }, async (request, reply) => {
    const { user_id, ...rest } = request.body;
    const { token, secret } = await createApiToken(serviceContext(request), { ...rest, user: user_id });
    reply.code(201);
    return { token: presentApiToken(token), secret };
  });

  api.delete('/api/v1/tokens/:id', {
    schema: { tags, summary: 'Revoke an API token', description: 'Your own, or anyone’s for administrators; it stops working at once.', params: idParam, response: { 200: apiTokenSchema, ...problemResponses } },
  }, async (request) => presentApiToken(await revokeApiToken(serviceContext(request), request.params.id)));
}
