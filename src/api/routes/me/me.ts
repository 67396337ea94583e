import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeOwnPassword } from '../../../services/users/change-own-password.js';
import { serviceContext } from '../../context.js';
import { problemResponses, problemSchema } from '../../schemas.js';
import { changePasswordBody } from './schema.js';

/** Guessing someone's current password from a stolen session is throttled like signing in. */
const PASSWORD_ATTEMPTS_PER_MINUTE = 10;

export async function meRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/v1/me/password', {
    config: { rateLimit: { max: PASSWORD_ATTEMPTS_PER_MINUTE, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => request.actor?.principal ?? request.ip } },
    schema: {
      tags: ['Users'],
      summary: 'Change your own password',
      description: `Needs the current password; ends your other sessions (this one stays). Limited to ${PASSWORD_ATTEMPTS_PER_MINUTE} attempts a minute.`,
      body: changePasswordBody,
      response: { 204: z.null(), 429: problemSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    await changeOwnPassword(serviceContext(request), { currentPassword: request.body.current_password, newPassword: request.body.new_password, keepSessionId: request.sessionId });
    return reply.code(204).send(null);
  });
}
