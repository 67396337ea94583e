import { invalid } from '../../domain/errors.js';
import { decodeCursor, encodeCursor, type Page } from '../../domain/pagination.js';
import { webhookTopic } from '../../domain/webhooks.js';
import { listTopicMessages } from '../../store/repositories/webhook-outbox.js';
import { attemptsOfMessages } from '../../store/repositories/webhooks.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { toDeliveryRecord, type DeliveryRecord, type DeliveryState } from './delivery-record.js';
import { loadWebhook } from './webhook-record.js';

export interface DeliveryQuery {
  state?: DeliveryState | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** A webhook's delivery log, newest first, with each delivery's attempts (administrators). */
export async function listWebhookDeliveries(ctx: ServiceContext, webhookId: string, query: DeliveryQuery): Promise<Page<DeliveryRecord>> {
  authorize(ctx.actor, 'webhook.manage');
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  if (query.cursor && (!after || typeof after.value !== 'string')) throw invalid('The cursor is not one this server handed out.', [{ path: 'cursor', message: 'malformed cursor' }]);
  const db = ctx.database.db;
  const hook = await loadWebhook(db, ctx.actor.organisationId, webhookId);
  const rows = await listTopicMessages(db, { topic: webhookTopic(hook.id), state: query.state, after: after ? { at: String(after.value), id: after.id } : undefined, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const attempts = await attemptsOfMessages(db, page.map((r) => r.id));
  const items = page.map((row) => toDeliveryRecord(row, attempts.filter((a) => a.outbox_id === row.id)));
  const last = page.at(-1);
  return { items, next_cursor: rows.length > query.limit && last ? encodeCursor({ value: last.created_at, id: last.id }) : null };
}
