import { conflict, stale } from '../../domain/errors.js';
import { clearTwoFactor } from '../../store/repositories/two-factor.js';
import type { ServiceContext } from '../context.js';
import { runInTransaction } from '../transaction.js';
import { checkCurrentPassword, loadUser } from '../users/user-record.js';

/** The person turns their second factor off (or abandons a set-up), proving it with their password. */
export async function disableTwoFactor(ctx: ServiceContext, input: { currentPassword: string }): Promise<void> {
  const user = await loadUser(ctx.database.db, ctx.actor, ctx.actor.userId);
  if (!user.totp_enabled_at && !user.totp_pending_secret) throw conflict('Two-factor sign-in is not on.');
  await checkCurrentPassword(user, input.currentPassword);
  await runInTransaction(ctx, async (uow) => {
    const version = Number(user.version);
    if (!(await clearTwoFactor(uow.db, user.id, version, uow.now))) throw stale(version + 1);
    await uow.audit('user.two_factor_disabled', { type: 'user', id: user.id }, { version: version + 1 });
    uow.emit({ type: 'user.updated', entity_id: user.id, version: version + 1 });
  });
}
