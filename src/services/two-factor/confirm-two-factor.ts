import { conflict, invalid, stale } from '../../domain/errors.js';
import { matchTotp } from '../../domain/totp.js';
import { deleteSessionsOfUser, updateUser as writeUser } from '../../store/repositories/people.js';
import { replaceRecoveryCodes } from '../../store/repositories/two-factor.js';
import type { ServiceContext } from '../context.js';
import { runInTransaction } from '../transaction.js';
import { loadUser } from '../users/user-record.js';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes.js';

/**
 * Turns two-factor sign-in on once the person types a code their app shows for the pending secret,
 * proving the app holds it. Answers the recovery codes, once. Their other sessions end: whoever else
 * was signed in as them must now pass the second factor too.
 */
export async function confirmTwoFactor(ctx: ServiceContext, input: { code: string; keepSessionId?: string | null | undefined }): Promise<{ enabledAt: string; recoveryCodes: string[] }> {
  const user = await loadUser(ctx.database.db, ctx.actor, ctx.actor.userId);
  if (user.totp_enabled_at) throw conflict('Two-factor sign-in is already on.');
  if (!user.totp_pending_secret) throw conflict('Start the set-up first: it gives you the secret for your authenticator app.');
  const step = matchTotp(user.totp_pending_secret, input.code, Date.parse(ctx.clock.now()), null);
  if (step === null) throw invalid('That code does not match. Check that the app shows the Bulwark entry you just added and that the phone’s clock is right.', [{ path: 'code', message: 'does not match the secret' }]);

  const recoveryCodes = newRecoveryCodes();
  return runInTransaction(ctx, async (uow) => {
    const version = Number(user.version);
    const changes = { totp_secret: user.totp_pending_secret, totp_pending_secret: null, totp_enabled_at: uow.now, totp_last_step: step, totp_failures: 0, totp_locked_until: null, updated_at: uow.now };
    if (!(await writeUser(uow.db, user.id, version, changes))) throw stale(version + 1);
    await replaceRecoveryCodes(uow.db, user.id, recoveryCodes.map(hashRecoveryCode), uow.now);
    await deleteSessionsOfUser(uow.db, user.id, input.keepSessionId ?? undefined);
    await uow.audit('user.two_factor_enabled', { type: 'user', id: user.id }, { version: version + 1 });
    uow.emit({ type: 'user.updated', entity_id: user.id, version: version + 1 });
    return { enabledAt: uow.now, recoveryCodes };
  });
}
