import { can } from '../../domain/access.js';
import { listApiTokens as queryTokens } from '../../store/repositories/people.js';
import type { ServiceContext } from '../context.js';
import { toApiTokenRecord, type ApiTokenRecord } from './token-record.js';

/** Your own tokens, or everyone's for an administrator; newest first. */
export async function listApiTokens(ctx: ServiceContext): Promise<ApiTokenRecord[]> {
  const ownerOnly = can(ctx.actor.role, 'user.manage') ? undefined : ctx.actor.userId;
  return (await queryTokens(ctx.database.db, ctx.actor.organisationId, ownerOnly)).map(toApiTokenRecord);
}
