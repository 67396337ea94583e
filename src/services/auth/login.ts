import { BulwarkError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { HOUR_MS } from '../../domain/time.js';
import { appendAuditEntry } from '../../store/repositories/audit-log.js';
import { findUserByEmail, insertSession, recordLogin } from '../../store/repositories/people.js';
import type { ServiceDeps } from '../context.js';
import { verifySecondFactor } from '../two-factor/verify-second-factor.js';
import { hashSecret, newSecret, verifyPassword } from './secrets.js';

export const SESSION_IDLE_MS = 12 * HOUR_MS;

/** A hash computed against unknown e-mails, so a wrong address costs as long as a wrong password. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0yUjzWUNvGdWX5rGqeCVB3J4PGJxPFcWJ9lI/JmWKOw';

export interface LoginResult {
  sessionToken: string;
  csrfToken: string;
  expiresAt: string;
  user: { id: string; email: string; name: string; role: string };
}

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

  const now = deps.clock.now();
  const sessionToken = newSecret('bws_');
  const csrfToken = newSecret('', 24);
  const expiresAt = new Date(Date.parse(now) + SESSION_IDLE_MS).toISOString();
  await deps.database.db.transaction().execute(async (trx) => {
    await insertSession(trx, {
      id: newId('session'),
      organisation_id: user.organisation_id,
      user_id: user.id,
      token_hash: hashSecret(sessionToken),
      csrf_token: csrfToken,
      created_at: now,
      expires_at: expiresAt,
      last_seen_at: now,
      ip: input.ip ?? null,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    });
    await recordLogin(trx, user.id, now);
    await appendAuditEntry(trx, deps.database.engine, { organisation_id: user.organisation_id, actor_id: user.id, action: 'session.login', target_type: 'user', target_id: user.id, details: { ip: input.ip ?? null, second_factor: secondFactor?.method ?? null }, at: now });
  });
  return { sessionToken, csrfToken, expiresAt, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
