import type { FastifyRequest } from 'fastify';
import { BulwarkError } from '../domain/errors.js';
import type { Actor, ServiceContext, ServiceDeps } from '../services/context.js';

declare module 'fastify' {
  interface FastifyInstance {
    deps: ServiceDeps;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
  }
}

/** The service context for an authenticated request; 401 when nobody is signed in. */
export function serviceContext(request: FastifyRequest): ServiceContext {
  if (!request.actor) throw new BulwarkError('unauthenticated', 'Sign in, or send an API token as "Authorization: Bearer <token>".');
  return { ...request.server.deps, actor: request.actor };
}
