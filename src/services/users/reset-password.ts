import { stale } from '../../domain/errors.js';
import { deleteSessionsOfUser, updateUser as writeUser } from '../../store/repositories/people.js';
import { hashPassword, newOneTimePassword } from '../auth/secrets.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { checkPassword, loadUser, reloadUser, type UserRecord } from './user-record.js';

/**
 * An administrator sets someone's password, or has a one-time password generated (returned once),
 * and signs them out everywhere. People change their own password with changeOwnPassword, which
 * asks for the current one.
 */
export async function resetPassword(ctx: ServiceContext, idOrEmail: string, password?: string): Promise<{ user: UserRecord; oneTimePassword: string | null }> {
  authorize(ctx.actor, 'user.manage');
  if (password !== undefined) checkPassword(password);
  const oneTimePassword = password === undefined ? newOneTimePassword() : null;
  const passwordHash = await hashPassword(password ?? oneTimePassword!);
  return runInTransaction(ctx, async (uow) => {
    const user = await loadUser(uow.db, uow.actor, idOrEmail);
    const version = Number(user.version);
    if (!(await writeUser(uow.db, user.id, version, { password_hash: passwordHash, password_changed_at: uow.now, updated_at: uow.now }))) throw stale(version + 1);
    await deleteSessionsOfUser(uow.db, user.id);
    await uow.audit('user.password_reset', { type: 'user', id: user.id }, { generated: oneTimePassword !== null, version: version + 1 });
    uow.emit({ type: 'user.updated', entity_id: user.id, version: version + 1 });
    return { user: await reloadUser(uow.db, uow.actor, user.id), oneTimePassword };
  });
}
