import { sql } from 'kysely';
import type { Db } from '../database.js';
import type { Engine } from '../dialect.js';
import type { ApiTokenRow, MembershipRow, OrganisationRow, SessionRow, UserRow } from '../schema.js';

export type UserWithRole = UserRow & { role: string; organisation_id: string };

export async function findDefaultOrganisation(db: Db): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
}

export async function findOrganisation(db: Db, id: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Names of the given users by id (unknown ids are left out). */
export async function userNamesById(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function insertOrganisation(db: Db, row: OrganisationRow): Promise<void> {
  await db.insertInto('organisations').values(row).execute();
}

export async function anyUserExists(db: Db): Promise<boolean> {
  return (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function listOrganisationIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('organisations').select('id').orderBy('id').execute()).map((o) => o.id);
}

/** The second-factor columns start empty: a new account signs in with its password alone. */
export type NewUserRow = Omit<UserRow, 'totp_secret' | 'totp_pending_secret' | 'totp_enabled_at' | 'totp_last_step' | 'totp_failures' | 'totp_locked_until' | 'sso_subject'>;

export async function insertUser(db: Db, user: NewUserRow, membership: MembershipRow): Promise<void> {
  await db.insertInto('users').values({ ...user, totp_failures: 0 }).execute();
  await db.insertInto('memberships').values(membership).execute();
}

function usersWithRole(db: Db, organisationId: string) {
  return db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .selectAll('users')
    .select(['memberships.role', 'memberships.organisation_id'])
    .where('memberships.organisation_id', '=', organisationId);
}

export async function findUserByEmail(db: Db, email: string): Promise<UserWithRole | undefined> {
  return db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .selectAll('users')
    .select(['memberships.role', 'memberships.organisation_id'])
    .where('users.email', '=', email.toLowerCase())
    .orderBy('memberships.created_at')
    .limit(1)
    .executeTakeFirst();
}

export async function findUser(db: Db, organisationId: string, id: string): Promise<UserWithRole | undefined> {
  return usersWithRole(db, organisationId).where('users.id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Db, organisationId: string, options: { includeDisabled: boolean }): Promise<UserWithRole[]> {
  let query = usersWithRole(db, organisationId);
  if (!options.includeDisabled) query = query.where('users.disabled_at', 'is', null);
  return query.orderBy('users.name').orderBy('users.id').execute();
}

/**
 * Counts active administrators. On PostgreSQL it first takes a lock held to the end of the
 * transaction, so two administrators demoting each other at the same moment cannot both pass the
 * last-administrator check.
 */
export async function countAdmins(db: Db, organisationId: string, engine?: Engine): Promise<number> {
  if (engine === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${`admins:${organisationId}`}))`.execute(db);
  const row = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('memberships.organisation_id', '=', organisationId)
    .where('memberships.role', '=', 'admin')
    .where('users.disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateUser(db: Db, id: string, expectedVersion: number, changes: Partial<UserRow>): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Binds the account to the single sign-on identity that first signed in to it. */
export async function bindSsoSubject(db: Db, id: string, ssoSubject: string): Promise<void> {
  await db.updateTable('users').set({ sso_subject: ssoSubject }).where('id', '=', id).where('sso_subject', 'is', null).execute();
}

/** Sign-in time is bookkeeping, not an edit: it does not bump the version an administrator's edit checks. */
export async function recordLogin(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('users').set({ last_login_at: at }).where('id', '=', id).execute();
}

export async function updateMembershipRole(db: Db, organisationId: string, userId: string, role: string): Promise<void> {
  await db.updateTable('memberships').set({ role }).where('organisation_id', '=', organisationId).where('user_id', '=', userId).execute();
}

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function findSessionByTokenHash(db: Db, tokenHash: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function touchSession(db: Db, id: string, at: string, expiresAt: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at, expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Db, userId: string, exceptSessionId?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
  await query.execute();
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertApiToken(db: Db, row: ApiTokenRow): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

export async function findApiTokenByHash(db: Db, tokenHash: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function findApiToken(db: Db, organisationId: string, id: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

export async function listApiTokens(db: Db, organisationId: string, userId?: string): Promise<ApiTokenRow[]> {
  let query = db.selectFrom('api_tokens').selectAll().where('organisation_id', '=', organisationId);
  if (userId) query = query.where('user_id', '=', userId);
  return query.orderBy('created_at', 'desc').execute();
}

export async function revokeApiToken(db: Db, id: string, at: string, by: string): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: at, revoked_by: by }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function markApiTokenUsed(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}
