import { BulwarkError } from '../../domain/errors.js';
import { ROLES, roleWithin, type Role } from '../../domain/access.js';
import { deleteSession, findApiTokenByHash, findSessionByTokenHash, findUser, markApiTokenUsed, touchSession } from '../../store/repositories/people.js';
import type { Actor, ServiceDeps } from '../context.js';
import { SESSION_IDLE_MS } from './login.js';
import { hashSecret } from './secrets.js';

export interface SessionPrincipal {
  actor: Actor;
  sessionId: string;
  csrfToken: string;
}

const asRole = (value: string): Role => {
  if (!(ROLES as readonly string[]).includes(value)) throw new BulwarkError('unauthenticated', 'Your account has an unknown role; ask an administrator.');
  return value as Role;
};

/** Resolves a session cookie; sliding expiry, refreshed at most once a minute. */
export async function authenticateSession(deps: ServiceDeps, sessionToken: string): Promise<SessionPrincipal | null> {
  const db = deps.database.db;
  const session = await findSessionByTokenHash(db, hashSecret(sessionToken));
  if (!session) return null;
  const now = deps.clock.now();
  if (session.expires_at < now) {
    await deleteSession(db, session.id);
    return null;
  }
  const user = await findUser(db, session.organisation_id, session.user_id);
  if (!user || user.disabled_at) return null;
  if (Date.parse(now) - Date.parse(session.last_seen_at) > 60_000) {
    await touchSession(db, session.id, now, new Date(Date.parse(now) + SESSION_IDLE_MS).toISOString());
  }
  return {
    actor: { userId: user.id, organisationId: session.organisation_id, role: asRole(user.role), principal: user.id, name: user.name },
    sessionId: session.id,
    csrfToken: session.csrf_token,
  };
}

/** Resolves `Authorization: Bearer <token>`: the token's role, never more than its owner's current role allows. */
export async function authenticateApiToken(deps: ServiceDeps, token: string): Promise<Actor | null> {
  const db = deps.database.db;
  const row = await findApiTokenByHash(db, hashSecret(token));
  const now = deps.clock.now();
  if (!row || row.revoked_at || (row.expires_at && row.expires_at < now)) return null;
  const user = await findUser(db, row.organisation_id, row.user_id);
  if (!user || user.disabled_at) return null;
  if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > 60_000) await markApiTokenUsed(db, row.id, now);
  const tokenRole = asRole(row.role);
  const ownerRole = asRole(user.role);
  // If the owner was demoted since the token was made, the token shrinks with them.
  const role = roleWithin(tokenRole, ownerRole) ? tokenRole : ownerRole;
  return { userId: user.id, organisationId: row.organisation_id, role, principal: row.id, name: user.name };
}

export async function logout(deps: ServiceDeps, sessionId: string): Promise<void> {
  await deleteSession(deps.database.db, sessionId);
}
