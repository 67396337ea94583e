import { ROLES, type Role } from '../../domain/access.js';
import { BulwarkError, conflict, invalid, notFound, stale } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { countAdmins, deleteSessionsOfUser, findUser, findUserByEmail, insertUser, listUsers as queryUsers, updateMembershipRole, updateUser as writeUser, type UserWithRole } from '../../store/repositories/people.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { hashPassword, newOneTimePassword, PASSWORD_MIN_LENGTH } from '../auth/secrets.js';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  last_login_at: string | null;
  created_at: string;
  version: number;
}

export const toUserRecord = (u: UserWithRole): UserRecord => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role as Role,
  disabled: u.disabled_at !== null,
  last_login_at: u.last_login_at,
  created_at: u.created_at,
  version: Number(u.version),
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkPassword(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH) throw invalid(`Passwords need at least ${PASSWORD_MIN_LENGTH} characters.`, [{ path: 'password', message: `at least ${PASSWORD_MIN_LENGTH} characters` }]);
}

/** Adds a user; without a password a one-time password is generated and returned once. */
export async function addUser(ctx: ServiceContext, input: { email: string; name?: string | undefined; role: Role; password?: string | undefined }): Promise<{ user: UserRecord; oneTimePassword: string | null }> {
  authorize(ctx.actor, 'user.manage');
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email)) throw invalid('That is not an e-mail address.', [{ path: 'email', message: 'invalid e-mail address' }]);
  if (!ROLES.includes(input.role)) throw invalid(`Unknown role "${input.role}".`, [{ path: 'role', message: `one of ${ROLES.join(', ')}` }]);
  if (input.password !== undefined) checkPassword(input.password);
  const oneTimePassword = input.password === undefined ? newOneTimePassword() : null;
  const passwordHash = await hashPassword(input.password ?? oneTimePassword!);
  return runInTransaction(ctx, async (uow) => {
    if (await findUserByEmail(uow.db, email)) throw conflict(`A user with e-mail ${email} already exists.`);
    const id = newId('user');
    const name = input.name?.trim() || email.split('@')[0]!;
    await insertUser(
      uow.db,
      { id, email, name, password_hash: passwordHash, password_changed_at: uow.now, disabled_at: null, last_login_at: null, created_at: uow.now, updated_at: uow.now, version: 1 },
      { organisation_id: uow.actor.organisationId, user_id: id, role: input.role, created_at: uow.now },
    );
    await uow.audit('user.create', { type: 'user', id }, { email, role: input.role });
    const created = await findUser(uow.db, uow.actor.organisationId, id);
    return { user: toUserRecord(created!), oneTimePassword };
  });
}

export async function listUsers(ctx: ServiceContext, options: { includeDisabled?: boolean } = {}): Promise<UserRecord[]> {
  // Everyone may see the people list: it is how responders pick an assignee or a commander.
  return (await queryUsers(ctx.database.db, ctx.actor.organisationId, { includeDisabled: options.includeDisabled ?? false })).map(toUserRecord);
}

async function loadUser(ctx: ServiceContext, db: ServiceContext['database']['db'], idOrEmail: string): Promise<UserWithRole> {
  const user = idOrEmail.includes('@') ? await findUserByEmail(db, idOrEmail.toLowerCase()) : await findUser(db, ctx.actor.organisationId, idOrEmail);
  if (!user || user.organisation_id !== ctx.actor.organisationId) throw notFound(`User ${idOrEmail}`);
  return user;
}

/** Changes name, role or disabled state. The last active administrator cannot be demoted or disabled. */
export async function updateUser(ctx: ServiceContext, idOrEmail: string, expectedVersion: number | undefined, changes: { name?: string | undefined; role?: Role | undefined; disabled?: boolean | undefined }): Promise<UserRecord> {
  authorize(ctx.actor, 'user.manage');
  return runInTransaction(ctx, async (uow) => {
    const user = await loadUser(ctx, uow.db, idOrEmail);
    const version = Number(user.version);
    if (expectedVersion !== undefined && expectedVersion !== version) throw stale(version);
    const losesAdmin = user.role === 'admin' && ((changes.role && changes.role !== 'admin') || changes.disabled === true);
    if (losesAdmin && !user.disabled_at && (await countAdmins(uow.db, uow.actor.organisationId)) <= 1) {
      throw new BulwarkError('conflict', 'This is the last active administrator; make someone else an administrator first.');
    }
    const disabledAt = changes.disabled === undefined ? user.disabled_at : changes.disabled ? (user.disabled_at ?? uow.now) : null;
    const ok = await writeUser(uow.db, user.id, version, { name: changes.name?.trim() || user.name, disabled_at: disabledAt, updated_at: uow.now });
    if (!ok) throw stale(version + 1);
    if (changes.role && changes.role !== user.role) await updateMembershipRole(uow.db, uow.actor.organisationId, user.id, changes.role);
    if (changes.disabled) await deleteSessionsOfUser(uow.db, user.id);
    await uow.audit('user.update', { type: 'user', id: user.id }, { changes: { name: changes.name, role: changes.role, disabled: changes.disabled } });
    return toUserRecord((await findUser(uow.db, uow.actor.organisationId, user.id))!);
  });
}

/** Sets a new password (or a generated one-time password) and signs the user out everywhere. */
export async function resetPassword(ctx: ServiceContext, idOrEmail: string, password?: string): Promise<{ user: UserRecord; oneTimePassword: string | null }> {
  if (password !== undefined) checkPassword(password);
  const isSelf = !idOrEmail.includes('@') ? idOrEmail === ctx.actor.userId : false;
  if (!isSelf) authorize(ctx.actor, 'user.manage');
  const oneTimePassword = password === undefined ? newOneTimePassword() : null;
  const passwordHash = await hashPassword(password ?? oneTimePassword!);
  return runInTransaction(ctx, async (uow) => {
    const user = await loadUser(ctx, uow.db, idOrEmail);
    const version = Number(user.version);
    await writeUser(uow.db, user.id, version, { password_hash: passwordHash, password_changed_at: uow.now, updated_at: uow.now });
    await deleteSessionsOfUser(uow.db, user.id);
    await uow.audit('user.password_reset', { type: 'user', id: user.id }, { generated: oneTimePassword !== null });
    return { user: toUserRecord((await findUser(uow.db, uow.actor.organisationId, user.id))!), oneTimePassword };
  });
}
