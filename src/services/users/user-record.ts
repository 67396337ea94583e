import type { Role } from '../../domain/access.js';
import { invalid, notFound } from '../../domain/errors.js';
import type { Db } from '../../store/database.js';
import { findUser, findUserByEmail, type UserWithRole } from '../../store/repositories/people.js';
import type { Actor } from '../context.js';
import { PASSWORD_MIN_LENGTH, verifyPassword } from '../auth/secrets.js';

/** A user as every use case answers it: never the password hash. */
export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  last_login_at: string | null;
  /** Signs in with a code from an authenticator app besides the password. */
  two_factor_enabled: boolean;
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
  two_factor_enabled: u.totp_enabled_at !== null,
  created_at: u.created_at,
  version: Number(u.version),
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** E-mail addresses are compared case-insensitively, so they are stored trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  const normalised = email.trim().toLowerCase();
  if (!EMAIL.test(normalised)) throw invalid('That is not an e-mail address.', [{ path: 'email', message: 'invalid e-mail address' }]);
  return normalised;
}

export function checkPassword(password: string, path = 'password'): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw invalid(`Passwords need at least ${PASSWORD_MIN_LENGTH} characters.`, [{ path, message: `at least ${PASSWORD_MIN_LENGTH} characters` }]);
  }
}

/** Changes to one's own account (password, second factor) ask for the password again, so a borrowed session is not enough. */
export async function checkCurrentPassword(user: UserWithRole, currentPassword: string): Promise<void> {
  if (!user.password_hash || !(await verifyPassword(user.password_hash, currentPassword))) {
    throw invalid('The current password is not right.', [{ path: 'current_password', message: 'does not match' }]);
  }
}

/** A user of the actor's organisation by id, or by e-mail address (the CLI's way of naming people). */
export async function loadUser(db: Db, actor: Actor, idOrEmail: string): Promise<UserWithRole> {
  const user = idOrEmail.includes('@') ? await findUserByEmail(db, idOrEmail.trim().toLowerCase()) : await findUser(db, actor.organisationId, idOrEmail);
  if (!user || user.organisation_id !== actor.organisationId) throw notFound(`User ${idOrEmail}`);
  return user;
}

export async function reloadUser(db: Db, actor: Actor, id: string): Promise<UserRecord> {
  return toUserRecord(await loadUser(db, actor, id));
}
