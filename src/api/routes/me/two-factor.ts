import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { confirmTwoFactor } from '../../../services/two-factor/confirm-two-factor.js';
import { disableTwoFactor } from '../../../services/two-factor/disable-two-factor.js';
import { renewRecoveryCodes } from '../../../services/two-factor/renew-recovery-codes.js';
import { startTwoFactorSetup } from '../../../services/two-factor/start-two-factor-setup.js';
import { getTwoFactorStatus } from '../../../services/two-factor/two-factor-status.js';
import { serviceContext } from '../../context.js';
import { problemResponses, problemSchema } from '../../schemas.js';
import { confirmTwoFactorBody, currentPasswordBody, recoveryCodesSchema, twoFactorSetupSchema, twoFactorStatusSchema } from './schema.js';

const tags = ['Users'];
/** Password and code guesses from a stolen session are throttled like signing in. */
const ATTEMPTS_PER_MINUTE = 10;
const throttled = { rateLimit: { max: ATTEMPTS_PER_MINUTE, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => request.actor?.principal ?? request.ip } };

export async function twoFactorRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/me/two-factor', {
    schema: { tags, summary: 'Your second factor', description: 'Whether signing in asks for a code from an authenticator app, and how many recovery codes are left.', response: { 200: twoFactorStatusSchema, ...problemResponses } },
  }, async (request) => getTwoFactorStatus(serviceContext(request)));

  api.post('/api/v1/me/two-factor/setup', {
    config: throttled,
    schema: {
      tags,
      summary: 'Start setting up two-factor sign-in',
      description: 'Needs your password. Answers a new TOTP secret (SHA-1, 6 digits, 30 s) as base32 text and as an otpauth:// address for a QR code. Nothing changes at sign-in until you confirm with a code; starting again replaces the secret. 409 when two-factor is already on.',
      body: currentPasswordBody,
      response: { 200: twoFactorSetupSchema, 429: problemSchema, ...problemResponses },
    },
  }, async (request) => {
    const setup = await startTwoFactorSetup(serviceContext(request), { currentPassword: request.body.current_password });
    return { secret: setup.secret, otpauth_uri: setup.otpauthUri };
  });

  api.post('/api/v1/me/two-factor/confirm', {
    config: throttled,
    schema: {
      tags,
      summary: 'Turn two-factor sign-in on',
      description: 'With a code your authenticator app shows for the secret from set-up. Answers ten single-use recovery codes, once: store them away from the phone. Your other sessions end.',
      body: confirmTwoFactorBody,
      response: { 200: recoveryCodesSchema.extend({ enabled: z.literal(true), enabled_at: z.string() }), 429: problemSchema, ...problemResponses },
    },
  }, async (request) => {
    const result = await confirmTwoFactor(serviceContext(request), { code: request.body.code, keepSessionId: request.sessionId });
    return { enabled: true as const, enabled_at: result.enabledAt, recovery_codes: result.recoveryCodes };
  });

  api.post('/api/v1/me/two-factor/recovery-codes', {
    config: throttled,
    schema: { tags, summary: 'New recovery codes', description: 'Needs your password. Answers ten new codes, once; the old ones stop working.', body: currentPasswordBody, response: { 200: recoveryCodesSchema, 429: problemSchema, ...problemResponses } },
  }, async (request) => ({ recovery_codes: await renewRecoveryCodes(serviceContext(request), { currentPassword: request.body.current_password }) }));

  api.post('/api/v1/me/two-factor/disable', {
    config: throttled,
    schema: { tags, summary: 'Turn two-factor sign-in off', description: 'Needs your password; also abandons a set-up that was never confirmed. Signing in asks for the password alone again.', body: currentPasswordBody, response: { 204: z.null(), 429: problemSchema, ...problemResponses } },
  }, async (request, reply) => {
    await disableTwoFactor(serviceContext(request), { currentPassword: request.body.current_password });
    return reply.code(204).send(null);
  });
}
