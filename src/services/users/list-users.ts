import { listUsers as queryUsers } from '../../store/repositories/people.js';
import type { ServiceContext } from '../context.js';
import { toUserRecord, type UserRecord } from './user-record.js';

/** Everyone signed in may see the people list: it is how responders pick an assignee or a commander. */
export async function listUsers(ctx: ServiceContext, options: { includeDisabled?: boolean } = {}): Promise<UserRecord[]> {
  const rows = await queryUsers(ctx.database.db, ctx.actor.organisationId, { includeDisabled: options.includeDisabled ?? false });
  return rows.map(toUserRecord);
}
