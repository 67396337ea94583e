import { can, roleWithin, ROLES, type Role } from '../../domain/access.js';
import { forbidden, invalid } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { toInstant } from '../../domain/time.js';
import { insertApiToken } from '../../store/repositories/people.js';
import type { ApiTokenRow } from '../../store/schema.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import type { ServiceContext } from '../context.js';
import { runInTransaction } from '../transaction.js';
import { loadUser } from '../users/user-record.js';
import { toApiTokenRecord, type ApiTokenRecord } from './token-record.js';

export interface NewApiToken {
  /** The owner's id or e-mail; yourself when absent. */
  user?: string | undefined;
  name: string;
  role?: Role | undefined;
  expires_at?: string | undefined;
}

/**
 * Creates an API token for yourself, or for anyone if you are an administrator. The secret is
 * returned once and stored only as a hash. The token's role may exceed neither its owner's role nor
 * the role of whoever creates it, so a narrow token cannot mint a wider one.
 */
export async function createApiToken(ctx: ServiceContext, input: NewApiToken): Promise<{ token: ApiTokenRecord; secret: string }> {
  const name = input.name.trim();
  if (!name) throw invalid('A token needs a name that says what it is for.', [{ path: 'name', message: 'required' }]);
  if (input.role !== undefined && !ROLES.includes(input.role)) throw invalid(`Unknown role "${input.role}".`, [{ path: 'role', message: `one of ${ROLES.join(', ')}` }]);
  return runInTransaction(ctx, async (uow) => {
    const expiresAt = input.expires_at === undefined ? null : toInstant(input.expires_at);
    if (expiresAt !== null && expiresAt <= uow.now) throw invalid('A token must expire in the future.', [{ path: 'expires_at', message: 'must be in the future' }]);
    const owner = await loadUser(uow.db, uow.actor, input.user ?? uow.actor.userId);
    if (owner.id !== uow.actor.userId && !can(uow.actor.role, 'user.manage')) throw forbidden('Only administrators create tokens for other people.');
    if (owner.disabled_at) throw invalid('That user is disabled.', [{ path: 'user_id', message: 'disabled user' }]);
    const ownerRole = owner.role as Role;
    const role = input.role ?? (roleWithin(ownerRole, uow.actor.role) ? ownerRole : uow.actor.role);
    if (!roleWithin(role, ownerRole)) {
      throw invalid(`A token cannot carry more rights than its owner: ${owner.email} is ${ownerRole}.`, [{ path: 'role', message: `not within ${ownerRole}` }]);
    }
    if (!roleWithin(role, uow.actor.role)) {
      throw invalid(`You are acting as ${uow.actor.role} and cannot give a token more rights than that.`, [{ path: 'role', message: `not within ${uow.actor.role}` }]);
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
      expires_at: expiresAt,
      last_used_at: null,
      revoked_at: null,
      revoked_by: null,
    };
    await insertApiToken(uow.db, row);
    await uow.audit('api_token.create', { type: 'api_token', id: row.id }, { user_id: owner.id, name, role, expires_at: expiresAt });
    uow.emit({ type: 'api_token.created', entity_id: row.id });
    return { token: toApiTokenRecord(row), secret };
  });
}
