import { BulwarkError } from '../../domain/errors.js';
import { ROLES, roleWithin, type Role } from '../../domain/access.js';
import { deleteSession, findApiTokenByHash, findSessionByTokenHash, findUser, markApiTokenUsed, touchSession } from '../../store/repositories/people.js';
import type { Actor, ServiceDeps } from '../context.js';
import { callerCache, type CachedCaller } from './caller-cache.js';
import { SESSION_IDLE_MS } from './open-session.js';
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

/**
 * Resolves `Authorization: Bearer <token>`: the token's role, never more than its owner's current role
 * allows. What a token resolves to is kept for a few seconds (see caller-cache.ts); expiry is checked
 * on every request, and revocation or a change to the owner takes effect at once.
 */
export async function authenticateApiToken(deps: ServiceDeps, token: string): Promise<Actor | null> {
  const tokenHash = hashSecret(token);
  const cache = callerCache(deps);
  const now = deps.clock.now();
  let caller = cache.lookup(tokenHash);
  if (!caller) {
    const generation = cache.begin();
    const read = await readCaller(deps, tokenHash);
    if (!read) return null;
    cache.remember(tokenHash, generation, read);
    caller = read;
  }
  if (caller.expiresAt && caller.expiresAt < now) return null;
  if (!caller.lastUsedAt || Date.parse(now) - Date.parse(caller.lastUsedAt) > 60_000) {
    // Noted before the write, so requests arriving meanwhile do not write it too.
    caller.lastUsedAt = now;
    await markApiTokenUsed(deps.database.db, caller.tokenId, now);
  }
  return { ...caller.actor };
}

async function readCaller(deps: ServiceDeps, tokenHash: string): Promise<CachedCaller | null> {
  const db = deps.database.db;
  const row = await findApiTokenByHash(db, tokenHash);
  if (!row || row.revoked_at) return null;
  const user = await findUser(db, row.organisation_id, row.user_id);
  if (!user || user.disabled_at) return null;
  const tokenRole = asRole(row.role);
  const ownerRole = asRole(user.role);
  // If the owner was demoted since the token was made, the token shrinks with them.
  const role = roleWithin(tokenRole, ownerRole) ? tokenRole : ownerRole;
  return {
    actor: { userId: user.id, organisationId: row.organisation_id, role, principal: row.id, name: user.name },
    tokenId: row.id,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
  };
}

export async function logout(deps: ServiceDeps, sessionId: string): Promise<void> {
  await deleteSession(deps.database.db, sessionId);
}
