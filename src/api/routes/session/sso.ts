import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BulwarkError } from '../../../domain/errors.js';
import type { OidcSettings } from '../../../services/context.js';
import { authorizationRequest, type SsoFlow } from '../../../services/auth/sso/identity-provider.js';
import { finishSsoSignIn, ssoRefused } from '../../../services/auth/sso/finish-sso-sign-in.js';
import { DEFAULT_PUBLIC_URL } from '../../../services/transaction.js';
import { SESSION_COOKIE } from '../../authentication.js';
import { problemResponses } from '../../schemas.js';

const tags = ['Session'];
const FLOW_COOKIE = 'bulwark_sso';
const FLOW_PATH = '/api/v1/session/oidc';
const FLOW_SECONDS = 600;

/** Only a path inside Bulwark, never another site (an open redirect) and never back to the sign-in page. */
export function safeNext(next: string | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/login')) return '/';
  return next;
}

const readFlow = (cookie: string | undefined): SsoFlow | null => {
  if (!cookie) return null;
  try {
    const flow = JSON.parse(cookie) as Partial<SsoFlow>;
    return typeof flow.state === 'string' && typeof flow.nonce === 'string' && typeof flow.codeVerifier === 'string' ? { state: flow.state, nonce: flow.nonce, codeVerifier: flow.codeVerifier, next: safeNext(flow.next) } : null;
  } catch {
    return null;
  }
};

/**
 * A browser flow: failures go back to the sign-in page with a reason code (the page words it; the
 * details, such as the e-mail address, go to the server log), keeping where the person was going.
 */
const backToSignIn = (request: FastifyRequest, reply: FastifyReply, error: unknown, next: string) => {
  if (!(error instanceof BulwarkError)) throw error;
  request.log.warn({ reason: error.extra.code }, `Single sign-on refused: ${error.message}`);
  const query = new URLSearchParams({ sso_error: String(error.extra.code ?? 'provider_refused'), ...(next !== '/' ? { next } : {}) });
  return reply.redirect(`/login?${query.toString()}`, 302);
};

export async function ssoRoutes(app: FastifyInstance, options: { secureCookies: boolean; oidc: OidcSettings | undefined }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { oidc } = options;

  api.get('/api/v1/session/providers', {
    schema: {
      tags,
      summary: 'Ways to sign in',
      description: 'Public: whether single sign-on (OpenID Connect) is set up, and what its button says. Password sign-in is always there.',
      response: { 200: z.object({ oidc: z.object({ name: z.string(), start_url: z.string() }).nullable() }), ...problemResponses },
    },
  }, async () => ({ oidc: oidc ? { name: oidc.name, start_url: FLOW_PATH } : null }));

  if (!oidc) return;
  const redirectUri = () => `${(app.deps.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, '')}${FLOW_PATH}/callback`;
  const cookieOptions = { path: FLOW_PATH, httpOnly: true, sameSite: 'lax' as const, secure: options.secureCookies };

  api.get(FLOW_PATH, {
    schema: {
      tags,
      summary: 'Sign in with single sign-on',
      description: `A browser navigation: redirects to the identity provider (authorization code flow with PKCE). The provider sends the browser back to ${FLOW_PATH}/callback, which sets the session cookie and redirects to \`next\`, or to /login?sso_error=… with the reason.`,
      querystring: z.strictObject({ next: z.string().max(2000).optional().describe('A path inside Bulwark to go to after signing in') }),
      response: { 302: z.null(), ...problemResponses },
    },
  }, async (request, reply) => {
    try {
      const { url, flow } = await authorizationRequest(oidc, redirectUri(), safeNext(request.query.next));
      reply.setCookie(FLOW_COOKIE, JSON.stringify(flow), { ...cookieOptions, maxAge: FLOW_SECONDS });
      return reply.redirect(url, 302);
    } catch (error) {
      return backToSignIn(request, reply, error, safeNext(request.query.next));
    }
  });

  api.get(`${FLOW_PATH}/callback`, {
    schema: {
      tags,
      summary: 'Where the identity provider sends the browser back',
      description: 'Not called directly. Checks state, nonce and PKCE, finds the account by the provider’s verified e-mail address (bound to the provider’s subject at the first sign-in), sets the session cookie and redirects.',
      querystring: z.record(z.string(), z.string().max(4000)),
      response: { 302: z.null(), ...problemResponses },
    },
  }, async (request, reply) => {
    const flow = readFlow(request.cookies[FLOW_COOKIE]);
    reply.clearCookie(FLOW_COOKIE, cookieOptions);
    try {
      if (!flow) throw ssoRefused('expired', 'The sign-in took longer than 10 minutes or began in another browser.');
      const callbackUrl = new URL(redirectUri());
      callbackUrl.search = new URL(request.url, 'http://callback.invalid').search;
      const result = await finishSsoSignIn(app.deps, oidc, { callbackUrl, flow, ip: request.ip, userAgent: request.headers['user-agent'] });
      reply.setCookie(SESSION_COOKIE, result.sessionToken, { path: '/', httpOnly: true, sameSite: 'lax', secure: options.secureCookies, expires: new Date(result.expiresAt) });
      return reply.redirect(flow.next, 302);
    } catch (error) {
      return backToSignIn(request, reply, error, flow?.next ?? '/');
    }
  });
}
