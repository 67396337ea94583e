import { BulwarkError } from '../../domain/errors.js';
import { findUserByEmail } from '../../store/repositories/people.js';
import type { ServiceDeps } from '../context.js';
import { verifySecondFactor } from '../two-factor/verify-second-factor.js';
import { openSession, type LoginResult } from './open-session.js';
import { verifyPassword } from './secrets.js';

/** A hash computed against unknown e-mails, so a wrong address costs as long as a wrong password. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0yUjzWUNvGdWX5rGqeCVB3J4PGJxPFcWJ9lI/JmWKOw';

/**
 * Checks e-mail and password, then the second factor when the person has one, and opens a session.
 * One answer for every password failure, so accounts cannot be probed.
 */
export async function login(deps: ServiceDeps, input: { email: string; password: string; code?: string | undefined; ip?: string; userAgent?: string }): Promise<LoginResult> {
  const refused = new BulwarkError('unauthenticated', 'E-mail or password is wrong, or the account is disabled.');
  const user = await findUserByEmail(deps.database.db, input.email.trim());
  const ok = await verifyPassword(user?.password_hash ?? DUMMY_HASH, input.password);
  if (!user || !ok || !user.password_hash || user.disabled_at) throw refused;
  const secondFactor = user.totp_enabled_at ? await verifySecondFactor(deps, user, input.code, input.ip) : null;
  return openSession(deps, user, { ip: input.ip, userAgent: input.userAgent, details: { second_factor: secondFactor?.method ?? null } });
}
