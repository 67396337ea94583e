import type { FastifyInstance } from 'fastify';
import client from 'prom-client';
import { checkReadiness } from '../../../services/system/readiness.js';

/** Liveness, readiness and Prometheus metrics: unauthenticated, for load balancers and monitoring. */
export async function healthRoutes(app: FastifyInstance, options: { registry: client.Registry }) {
  app.get('/healthz', { schema: { tags: ['System'], summary: 'Alive' } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { tags: ['System'], summary: 'Database reachable and migrations applied' } }, async (_request, reply) => {
    const readiness = await checkReadiness(app.deps.database);
    if (!readiness.ready) return reply.code(503).send({ status: readiness.status, detail: readiness.detail });
    return { status: 'ready', engine: readiness.engine };
  });

  app.get('/metrics', { schema: { tags: ['System'], summary: 'Prometheus metrics' } }, async (_request, reply) => {
    reply.type(options.registry.contentType);
    return options.registry.metrics();
  });
}
