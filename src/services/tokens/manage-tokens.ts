import { roleWithin, ROLES, type Role } from '../../domain/access.js';
import { forbidden, invalid, notFound } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { findApiToken, findUser, findUserByEmail, insertApiToken, listApiTokens, revokeApiToken as markRevoked } from '../../store/repositories/people.js';
import type { ApiTokenRow } from '../../store/schema.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import type { ServiceContext } from '../context.js';
import { can } from '../../domain/access.js';
import { runInTransaction } from '../transaction.js';

export interface ApiTokenRecord {
  id: string;
  name: string;
  role: Role;
  user_id: string;
  token_prefix: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

const toRecord = (row: ApiTokenRow): ApiTokenRecord => ({
  id: row.id,
  name: row.name,
  role: row.role as Role,
  user_id: row.user_id,
  token_prefix: row.token_prefix,
  created_at: row.created_at,
  expires_at: row.expires_at,
  last_used_at: row.last_used_at,
  revoked_at: row.revoked_at,
});

/**
 * Creates an API token for a user (yourself, or anyone if you are an administrator). The secret is
 * returned once and stored only as a hash. Its role defaults to the owner's and may not exceed it.
 */
export async function createApiToken(ctx: ServiceContext, input: { user?: string | undefined; name: string; role?: Role | undefined; expires_at?: string | undefined }): Promise<{ token: ApiTokenRecord; secret: string }> {
  const name = input.name.trim();
  if (!name) throw invalid('A token needs a name that says what it is for.', [{ path: 'name', message: 'required' }]);
  if (input.role && !ROLES.includes(input.role)) throw invalid(`Unknown role "${input.role}".`, [{ path: 'role', message: `one of ${ROLES.join(', ')}` }]);
  return runInTransaction(ctx, async (uow) => {
    const target = input.user ?? uow.actor.userId;
    const owner = target.includes('@') ? await findUserByEmail(uow.db, target.toLowerCase()) : await findUser(uow.db, uow.actor.organisationId, target);
    if (!owner || owner.organisation_id !== uow.actor.organisationId) throw notFound(`User ${target}`);
    if (owner.id !== uow.actor.userId && !can(uow.actor.role, 'user.manage')) throw forbidden('Only administrators create tokens for other people.');
    if (owner.disabled_at) throw invalid('That user is disabled.', [{ path: 'user', message: 'disabled user' }]);
    const role = input.role ?? (owner.role as Role);
    if (!roleWithin(role, owner.role as Role)) {
      throw invalid(`A token cannot carry more rights than its owner: ${owner.email} is ${owner.role}.`, [{ path: 'role', message: `not within ${owner.role}` }]);
    }
    const secret = newSecret('bwk_');
    const row: ApiTokenRow = {
      id: newId('apiToken'),
      organisation_id: uow.actor.organisationId,
      user_id: owner.id,
      name,
      role,
      token_hash: hashSecret(secret),
      token_prefix: secret.slice(0, 10),
      created_at: uow.now,
      created_by: uow.actor.userId,
      expires_at: input.expires_at ?? null,
      last_used_at: null,
      revoked_at: null,
      revoked_by: null,
    };
    await insertApiToken(uow.db, row);
    await uow.audit('api_token.create', { type: 'api_token', id: row.id }, { user_id: owner.id, name, role });
    return { token: toRecord(row), secret };
  });
}

/** Your own tokens, or everyone's for an administrator. */
export async function listTokens(ctx: ServiceContext): Promise<ApiTokenRecord[]> {
  const mine = !can(ctx.actor.role, 'user.manage');
  return (await listApiTokens(ctx.database.db, ctx.actor.organisationId, mine ? ctx.actor.userId : undefined)).map(toRecord);
}

export async function revokeApiToken(ctx: ServiceContext, id: string): Promise<ApiTokenRecord> {
  return runInTransaction(ctx, async (uow) => {
    const row = await findApiToken(uow.db, uow.actor.organisationId, id);
    if (!row || (row.user_id !== uow.actor.userId && !can(uow.actor.role, 'user.manage'))) throw notFound(`API token ${id}`);
    if (!row.revoked_at) {
      await markRevoked(uow.db, row.id, uow.now, uow.actor.userId);
      await uow.audit('api_token.revoke', { type: 'api_token', id: row.id }, { user_id: row.user_id, name: row.name });
    }
    return toRecord({ ...row, revoked_at: row.revoked_at ?? uow.now });
  });
}
