import { invalid, stale } from '../../domain/errors.js';
import { deleteSessionsOfUser, updateUser as writeUser } from '../../store/repositories/people.js';
import { hashPassword } from '../auth/secrets.js';
import type { ServiceContext } from '../context.js';
import { runInTransaction } from '../transaction.js';
import { checkCurrentPassword, checkPassword, loadUser } from './user-record.js';

/**
 * Someone changes their own password, proving they know the current one. Their other sessions end
 * (a thief signed in elsewhere is thrown out); the session making the change, if any, stays.
 */
export async function changeOwnPassword(ctx: ServiceContext, input: { currentPassword: string; newPassword: string; keepSessionId?: string | null | undefined }): Promise<void> {
  checkPassword(input.newPassword, 'new_password');
  const user = await loadUser(ctx.database.db, ctx.actor, ctx.actor.userId);
  await checkCurrentPassword(user, input.currentPassword);
  if (input.newPassword === input.currentPassword) throw invalid('The new password is the same as the current one.', [{ path: 'new_password', message: 'same as the current password' }]);
  const passwordHash = await hashPassword(input.newPassword);
  await runInTransaction(ctx, async (uow) => {
    const version = Number(user.version);
    // The version pins the password that was just verified; a concurrent change makes this one stale.
    if (!(await writeUser(uow.db, user.id, version, { password_hash: passwordHash, password_changed_at: uow.now, updated_at: uow.now }))) throw stale(version + 1);
    await deleteSessionsOfUser(uow.db, user.id, input.keepSessionId ?? undefined);
    await uow.audit('user.password_change', { type: 'user', id: user.id }, { version: version + 1 });
    uow.emit({ type: 'user.updated', entity_id: user.id, version: version + 1 });
  });
}
