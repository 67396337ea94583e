import { invalid } from '../../domain/errors.js';
import { decodeCursor, encodeCursor, type Page } from '../../domain/pagination.js';
import type { ActionItemStatus } from '../../domain/review.js';
import { listActionItems as queryActionItems } from '../../store/repositories/action-items.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { restrictedVisibilityFor } from '../policies/incident-visibility.js';
import { toActionItemRecord, type ActionItemRecord } from './action-item-record.js';

export interface ActionItemListInput {
  /** A user id, or "me" for the caller. */
  owner_id?: string | undefined;
  statuses?: ActionItemStatus[] | undefined;
  overdue?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Action items across reviews (the overdue list per owner), soonest due first; only items of incidents the caller may see. */
export async function listActionItems(ctx: ServiceContext, input: ActionItemListInput): Promise<Page<ActionItemRecord>> {
  authorize(ctx.actor, 'incident.read');
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  if (input.cursor && !after) throw invalid('The cursor is not one this server handed out.', [{ path: 'cursor', message: 'malformed cursor' }]);
  const now = ctx.clock.now();
  const rows = await queryActionItems(ctx.database.db, {
    organisationId: ctx.actor.organisationId,
    visibleToUserId: restrictedVisibilityFor(ctx.actor),
    ownerId: input.owner_id === 'me' ? ctx.actor.userId : input.owner_id,
    statuses: input.statuses,
    overdue: input.overdue,
    now,
    after: after ?? undefined,
    limit: input.limit,
  });
  const items = rows.slice(0, input.limit).map((row) => toActionItemRecord(row, now));
  const last = items[items.length - 1];
  return { items, next_cursor: rows.length > input.limit && last ? encodeCursor({ value: last.due_at, id: last.id }) : null };
}
