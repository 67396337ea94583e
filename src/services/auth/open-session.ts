import { newId } from '../../domain/ids.js';
import { HOUR_MS } from '../../domain/time.js';
import { appendAuditEntry } from '../../store/repositories/audit-log.js';
import { insertSession, recordLogin, type UserWithRole } from '../../store/repositories/people.js';
import type { ServiceDeps } from '../context.js';
import { hashSecret, newSecret } from './secrets.js';

export const SESSION_IDLE_MS = 12 * HOUR_MS;

export interface LoginResult {
  sessionToken: string;
  csrfToken: string;
  expiresAt: string;
  user: { id: string; email: string; name: string; role: string };
}

/** Opens a session for someone who proved who they are (password and code, or single sign-on), audited with how. */
export async function openSession(deps: ServiceDeps, user: UserWithRole, how: { ip?: string | undefined; userAgent?: string | undefined; details: Record<string, unknown> }): Promise<LoginResult> {
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
      ip: how.ip ?? null,
      user_agent: how.userAgent?.slice(0, 300) ?? null,
    });
    await recordLogin(trx, user.id, now);
    await appendAuditEntry(trx, deps.database.engine, { organisation_id: user.organisation_id, actor_id: user.id, action: 'session.login', target_type: 'user', target_id: user.id, details: { ip: how.ip ?? null, ...how.details }, at: now });
  });
  return { sessionToken, csrfToken, expiresAt, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
