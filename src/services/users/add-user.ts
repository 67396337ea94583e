import { ROLES, type Role } from '../../domain/access.js';
import { conflict, invalid } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { findUserByEmail, insertUser } from '../../store/repositories/people.js';
import { hashPassword, newOneTimePassword } from '../auth/secrets.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { checkPassword, normaliseEmail, reloadUser, type UserRecord } from './user-record.js';

export interface NewUser {
  email: string;
  name?: string | undefined;
  role: Role;
  password?: string | undefined;
  /** Signs in only through single sign-on: no password at all. */
  passwordless?: boolean | undefined;
}

/** Adds a user (administrators only); without a password a one-time password is generated and returned once. */
export async function addUser(ctx: ServiceContext, input: NewUser): Promise<{ user: UserRecord; oneTimePassword: string | null }> {
  authorize(ctx.actor, 'user.manage');
  const email = normaliseEmail(input.email);
  if (!ROLES.includes(input.role)) throw invalid(`Unknown role "${input.role}".`, [{ path: 'role', message: `one of ${ROLES.join(', ')}` }]);
  if (input.password !== undefined) checkPassword(input.password);
  const oneTimePassword = input.password === undefined && !input.passwordless ? newOneTimePassword() : null;
  const password = input.password ?? oneTimePassword;
  const passwordHash = password === null ? null : await hashPassword(password);
  return runInTransaction(ctx, async (uow) => {
    if (await findUserByEmail(uow.db, email)) throw conflict(`A user with e-mail ${email} already exists.`);
    const id = newId('user');
    const name = input.name?.trim() || email.split('@')[0]!;
    await insertUser(
      uow.db,
      { id, email, name, password_hash: passwordHash, password_changed_at: passwordHash ? uow.now : null, disabled_at: null, last_login_at: null, created_at: uow.now, updated_at: uow.now, version: 1 },
      { organisation_id: uow.actor.organisationId, user_id: id, role: input.role, created_at: uow.now },
    );
    await uow.audit('user.create', { type: 'user', id }, { email, name, role: input.role, generated_password: oneTimePassword !== null, ...(input.passwordless ? { passwordless: true } : {}) });
    uow.emit({ type: 'user.created', entity_id: id, version: 1 });
    return { user: await reloadUser(uow.db, uow.actor, id), oneTimePassword };
  });
}
