import { conflict } from '../../domain/errors.js';
import { replaceRecoveryCodes } from '../../store/repositories/two-factor.js';
import type { ServiceContext } from '../context.js';
import { runInTransaction } from '../transaction.js';
import { checkCurrentPassword, loadUser } from '../users/user-record.js';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes.js';

/** A fresh set of recovery codes (answered once); the old ones, used or not, stop working. */
export async function renewRecoveryCodes(ctx: ServiceContext, input: { currentPassword: string }): Promise<string[]> {
  const user = await loadUser(ctx.database.db, ctx.actor, ctx.actor.userId);
  if (!user.totp_enabled_at) throw conflict('Two-factor sign-in is not on, so there are no recovery codes.');
  await checkCurrentPassword(user, input.currentPassword);
  const codes = newRecoveryCodes();
  await runInTransaction(ctx, async (uow) => {
    await replaceRecoveryCodes(uow.db, user.id, codes.map(hashRecoveryCode), uow.now);
    await uow.audit('user.recovery_codes_renewed', { type: 'user', id: user.id }, {});
  });
  return codes;
}
