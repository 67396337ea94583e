import { can } from '../../domain/access.js';
import { notFound } from '../../domain/errors.js';
import { findApiToken, revokeApiToken as markRevoked } from '../../store/repositories/people.js';
import { forgetCallers } from '../auth/caller-cache.js';
import type { ServiceContext } from '../context.js';
import { runInTransaction } from '../transaction.js';
import { toApiTokenRecord, type ApiTokenRecord } from './token-record.js';

/**
 * Revokes a token at once. Your own, or anyone's for an administrator; other people's tokens are
 * answered as not found, so their existence does not leak. Revoking twice changes nothing.
 */
export async function revokeApiToken(ctx: ServiceContext, id: string): Promise<ApiTokenRecord> {
  const revoked = await runInTransaction(ctx, async (uow) => {
    const row = await findApiToken(uow.db, uow.actor.organisationId, id);
    if (!row || (row.user_id !== uow.actor.userId && !can(uow.actor.role, 'user.manage'))) throw notFound(`API token ${id}`);
    if (row.revoked_at) return toApiTokenRecord(row);
    await markRevoked(uow.db, row.id, uow.now, uow.actor.userId);
    await uow.audit('api_token.revoke', { type: 'api_token', id: row.id }, { user_id: row.user_id, name: row.name });
    uow.emit({ type: 'api_token.revoked', entity_id: row.id });
    return toApiTokenRecord({ ...row, revoked_at: uow.now, revoked_by: uow.actor.userId });
  });
  forgetCallers(ctx, { tokenId: revoked.id });
  return revoked;
}
