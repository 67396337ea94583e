import { conflict } from '../../domain/errors.js';
import { newTotpSecret, otpauthUri } from '../../domain/totp.js';
import { setPendingTotpSecret } from '../../store/repositories/two-factor.js';
import type { ServiceContext } from '../context.js';
import { runInTransaction } from '../transaction.js';
import { checkCurrentPassword, loadUser } from '../users/user-record.js';

export const TOTP_ISSUER = 'Bulwark';

/**
 * Hands out a new secret for the person's authenticator app (as text and as an otpauth:// address
 * for a QR code). Nothing changes at sign-in until confirmTwoFactor sees a right code; starting again
 * replaces the pending secret.
 */
export async function startTwoFactorSetup(ctx: ServiceContext, input: { currentPassword: string }): Promise<{ secret: string; otpauthUri: string }> {
  const user = await loadUser(ctx.database.db, ctx.actor, ctx.actor.userId);
  if (user.totp_enabled_at) throw conflict('Two-factor sign-in is already on. Turn it off first to move it to another app.');
  await checkCurrentPassword(user, input.currentPassword);
  const secret = newTotpSecret();
  await runInTransaction(ctx, async (uow) => {
    await setPendingTotpSecret(uow.db, user.id, secret);
    await uow.audit('user.two_factor_setup_started', { type: 'user', id: user.id }, {});
  });
  return { secret, otpauthUri: otpauthUri(secret, TOTP_ISSUER, user.email) };
}
