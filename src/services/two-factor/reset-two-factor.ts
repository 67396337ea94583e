import { conflict, stale } from '../../domain/errors.js';
import { deleteSessionsOfUser } from '../../store/repositories/people.js';
import { clearTwoFactor } from '../../store/repositories/two-factor.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { loadUser, reloadUser, type UserRecord } from '../users/user-record.js';

/**
 * An administrator takes someone's second factor away when they lost their phone and their
 * recovery codes: they sign in with the password alone and set it up again. They are signed out
 * everywhere, since the lost phone may hold a session.
 */
export async function resetTwoFactor(ctx: ServiceContext, idOrEmail: string): Promise<UserRecord> {
  authorize(ctx.actor, 'user.manage');
  return runInTransaction(ctx, async (uow) => {
    const user = await loadUser(uow.db, uow.actor, idOrEmail);
    if (!user.totp_enabled_at && !user.totp_pending_secret) throw conflict(`${user.email} has no second factor to reset.`);
    const version = Number(user.version);
    if (!(await clearTwoFactor(uow.db, user.id, version, uow.now))) throw stale(version + 1);
    await deleteSessionsOfUser(uow.db, user.id);
    await uow.audit('user.two_factor_reset', { type: 'user', id: user.id }, { version: version + 1 });
    uow.emit({ type: 'user.updated', entity_id: user.id, version: version + 1 });
    return reloadUser(uow.db, uow.actor, user.id);
  });
}
