import { ROLES, type Role } from '../../domain/access.js';
import { conflict, invalid, stale } from '../../domain/errors.js';
import { countAdmins, deleteSessionsOfUser, updateMembershipRole, updateUser as writeUser } from '../../store/repositories/people.js';
import { forgetCallers } from '../auth/caller-cache.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { loadUser, reloadUser, toUserRecord, type UserRecord } from './user-record.js';

export interface UserChanges {
  name?: string | undefined;
  role?: Role | undefined;
  disabled?: boolean | undefined;
}

/**
 * Changes a user's name, role or disabled state (administrators only). Disabling signs the user out
 * everywhere; their API tokens stop working while they are disabled. The last active administrator
 * can be neither demoted nor disabled, so the organisation never locks itself out.
 */
export async function updateUser(ctx: ServiceContext, idOrEmail: string, expectedVersion: number | undefined, changes: UserChanges): Promise<UserRecord> {
  authorize(ctx.actor, 'user.manage');
  if (changes.role !== undefined && !ROLES.includes(changes.role)) throw invalid(`Unknown role "${changes.role}".`, [{ path: 'role', message: `one of ${ROLES.join(', ')}` }]);
  const name = changes.name?.trim();
  if (name === '') throw invalid('A user needs a name.', [{ path: 'name', message: 'must not be empty' }]);
  const updated = await runInTransaction(ctx, async (uow) => {
    const user = await loadUser(uow.db, uow.actor, idOrEmail);
    const version = Number(user.version);
    if (expectedVersion !== undefined && expectedVersion !== version) throw stale(version);

    const demoted = changes.role !== undefined && changes.role !== 'admin';
    if (user.role === 'admin' && !user.disabled_at && (demoted || changes.disabled === true) && (await countAdmins(uow.db, uow.actor.organisationId, uow.engine)) <= 1) {
      throw conflict('This is the last active administrator; make someone else an administrator first.');
    }
    const disabledAt = changes.disabled === undefined ? user.disabled_at : changes.disabled ? (user.disabled_at ?? uow.now) : null;
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    if (name !== undefined && name !== user.name) changed.name = { from: user.name, to: name };
    if (changes.role !== undefined && changes.role !== user.role) changed.role = { from: user.role, to: changes.role };
    if ((disabledAt !== null) !== (user.disabled_at !== null)) changed.disabled = { from: user.disabled_at !== null, to: disabledAt !== null };
    if (Object.keys(changed).length === 0) return toUserRecord(user);

    if (!(await writeUser(uow.db, user.id, version, { name: name ?? user.name, disabled_at: disabledAt, updated_at: uow.now }))) throw stale(version + 1);
    if (changed.role) await updateMembershipRole(uow.db, uow.actor.organisationId, user.id, changes.role!);
    if (changed.disabled && disabledAt) await deleteSessionsOfUser(uow.db, user.id);
    await uow.audit('user.update', { type: 'user', id: user.id }, { changes: changed, version: version + 1 });
    uow.emit({ type: 'user.updated', entity_id: user.id, version: version + 1 });
    return reloadUser(uow.db, uow.actor, user.id);
  });
  // Its API tokens answer with the new role or stop working from the next request on (caller-cache.ts).
  forgetCallers(ctx, { userId: updated.id });
  return updated;
}
