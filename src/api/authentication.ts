import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { BulwarkError } from '../domain/errors.js';
import { authenticateApiToken, authenticateSession } from '../services/auth/authenticate.js';

export const SESSION_COOKIE = 'bulwark_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves who is calling, from `Authorization: Bearer <token>` or the session cookie. Writes made
 * with the cookie must also carry the session's CSRF token in the X-CSRF-Token header; bearer tokens
 * are not sent by browsers on their own, so they need none.
 */
async function resolveCaller(request: FastifyRequest): Promise<void> {
  request.actor = null;
  request.sessionId = null;
  const deps = request.server.deps;
  const authorization = request.headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const actor = match ? await authenticateApiToken(deps, match[1]!) : null;
    if (!actor) throw new BulwarkError('unauthenticated', 'The API token is unknown, revoked or expired.');
    request.actor = actor;
    return;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  // Signing in replaces whatever session the browser had, so it needs no CSRF token of the old one.
  if (!cookie || (request.method === 'POST' && request.url.split('?')[0] === '/api/v1/session')) return;
  const principal = await authenticateSession(deps, cookie);
  if (!principal) return;
  if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== principal.csrfToken) {
    throw new BulwarkError('forbidden', 'This change came without the CSRF token of your session. Reload the page and try again.', { extra: { code: 'csrf_token_missing' } });
  }
  request.actor = principal.actor;
  request.sessionId = principal.sessionId;
}

export const authentication = fp(async (app: FastifyInstance) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/api/') || request.url === '/api') await resolveCaller(request);
  });
});
