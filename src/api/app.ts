import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import client from 'prom-client';
import { BulwarkError } from '../domain/errors.js';
import type { ServiceDeps } from '../services/context.js';
import { authentication } from './authentication.js';
import type { ResourceRouteOptions } from './ingest-rate-limit.js';
import { DEFAULT_INGEST_RATE_LIMIT } from '../domain/ingestion.js';
import { sendProblem, toProblem } from './problem.js';
import { resourceRoutes } from './routes/index.js';
import { sessionRoutes } from './routes/session/session.js';
import { ssoRoutes } from './routes/session/sso.js';
import { healthRoutes } from './routes/system/health.js';
import { securityHeaders } from './security-headers.js';

export interface AppOptions {
  deps: ServiceDeps;
  logLevel?: string;
  secureCookies?: boolean;
  loginRateLimit?: number;
  /** Alert-ingestion requests a minute per caller; 0 turns the limit off. */
  ingestRateLimit?: number;
  /** The built web app (web/dist); served with a fallback to index.html for client-side routes. */
  webRoot?: string | null;
  /** Largest request body accepted, in bytes. Markdown fields take up to 1,000,000 characters. */
  bodyLimit?: number;
}

export const BODY_LIMIT = 4 * 1024 * 1024;

function defaultWebRoot(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i += 1) {
    if (existsSync(join(dir, 'package.json'))) {
      const web = join(dir, 'web', 'dist');
      return existsSync(join(web, 'index.html')) ? web : null;
    }
    dir = dirname(dir);
  }
  return null;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info', redact: ['req.headers.authorization', 'req.headers.cookie'] },
    bodyLimit: options.bodyLimit ?? BODY_LIMIT,
    trustProxy: process.env.BULWARK_TRUST_PROXY === 'true',
  });
  app.decorate('deps', options.deps);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const httpDuration = new client.Histogram({
    name: 'bulwark_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    httpDuration.observe({ method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Bulwark API', version: '1', description: 'Incident response, incident management and risk management. Errors are RFC 9457 application/problem+json.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'An API token from `bulwark token create` or Admin → Tokens' },
          session: { type: 'apiKey', in: 'cookie', name: 'bulwark_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new BulwarkError('rate_limited', `Too many attempts; wait ${Math.ceil(context.ttl / 1000)} seconds and try again.`),
  });
  await app.register(securityHeaders);
  await app.register(authentication);

  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(request, reply, problem);
  });

  await app.register(healthRoutes, { registry });
  await app.register(sessionRoutes, { secureCookies: options.secureCookies ?? false, loginRateLimit: options.loginRateLimit ?? 10 });
  await app.register(ssoRoutes, { secureCookies: options.secureCookies ?? false, oidc: options.deps.oidc });
  const routeOptions: ResourceRouteOptions = { ingestRateLimit: options.ingestRateLimit ?? DEFAULT_INGEST_RATE_LIMIT };
  for (const routes of resourceRoutes) await app.register(routes, routeOptions);

  const webRoot = options.webRoot === undefined ? defaultWebRoot() : options.webRoot;
  // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
  if (webRoot) await app.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: true, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    if (webRoot && request.method === 'GET' && !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path)) {
      return reply.sendFile('index.html', webRoot);
    }
    return sendProblem(request, reply, toProblem(new BulwarkError('not_found', `There is no ${request.method} ${path}.`)));
  });
  return app;
}
