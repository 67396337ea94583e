import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PERMISSIONS, ROLE_PERMISSIONS, type Role } from '../../../domain/access.js';
import { authenticateSession, logout } from '../../../services/auth/authenticate.js';
import { login } from '../../../services/auth/login.js';
import { whoAmI } from '../../../services/auth/who-am-i.js';
import { SESSION_COOKIE } from '../../authentication.js';
import { serviceContext } from '../../context.js';
import { problemResponses } from '../../schemas.js';

const tags = ['Session'];
const sessionSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.string() }),
  csrf_token: z.string().nullable().describe('Send as X-CSRF-Token on every write made with the session cookie'),
  expires_at: z.string().nullable(),
  permissions: z.array(z.enum(PERMISSIONS)).describe('What the role allows, so clients offer only actions that will work (the server still decides)'),
});

const permissionsOf = (role: string) => [...(ROLE_PERMISSIONS[role as Role] ?? [])];

export async function sessionRoutes(app: FastifyInstance, options: { secureCookies: boolean; loginRateLimit: number }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/v1/session', {
    config: { rateLimit: { max: options.loginRateLimit, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: 'Sign in',
      description: `Sets an HttpOnly session cookie. Limited to ${options.loginRateLimit} attempts a minute per client address. For an account with two-factor sign-in, a right password without \`code\` (or with a wrong one) answers 401 with \`code: "two_factor_required"\`: send the same request again with the code from the authenticator app or a recovery code. Ten wrong codes in a row pause the account's sign-in for 15 minutes (429, \`code: "two_factor_locked"\`).`,
      body: z.strictObject({
        email: z.string().trim().min(1).max(320),
        password: z.string().min(1).max(1000),
        code: z.string().trim().max(64).optional().describe('The 6-digit code from the authenticator app, or a recovery code; only for accounts with two-factor sign-in'),
      }),
      response: { 200: sessionSchema, 429: problemResponses[400], ...problemResponses },
    },
  }, async (request, reply) => {
    const result = await login(app.deps, { email: request.body.email, password: request.body.password, code: request.body.code, ip: request.ip, userAgent: request.headers['user-agent'] });
    reply.setCookie(SESSION_COOKIE, result.sessionToken, { path: '/', httpOnly: true, sameSite: 'lax', secure: options.secureCookies, expires: new Date(result.expiresAt) });
    return { user: result.user, csrf_token: result.csrfToken, expires_at: result.expiresAt, permissions: permissionsOf(result.user.role) };
  });

  api.get('/api/v1/session', {
    schema: { tags, summary: 'Who am I', description: 'The signed-in user and, for cookie sessions, the CSRF token.', response: { 200: sessionSchema, ...problemResponses } },
  }, async (request) => {
    const ctx = serviceContext(request);
    const cookie = request.cookies[SESSION_COOKIE];
    const session = request.sessionId && cookie ? await authenticateSession(app.deps, cookie) : null;
    return { user: await whoAmI(ctx), csrf_token: session?.csrfToken ?? null, expires_at: null, permissions: permissionsOf(ctx.actor.role) };
  });

  api.delete('/api/v1/session', {
    schema: { tags, summary: 'Sign out', response: { 204: z.null(), ...problemResponses } },
  }, async (request, reply) => {
    if (request.sessionId) await logout(app.deps, request.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });
}
