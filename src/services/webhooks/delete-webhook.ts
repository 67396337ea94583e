import { webhookTopic } from '../../domain/webhooks.js';
import { deleteWebhook as removeWebhook } from '../../store/repositories/webhooks.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { loadWebhook, toWebhookRecord } from './webhook-record.js';

/** Removes a webhook with its delivery log; deliveries still queued for it are dropped. */
export async function deleteWebhook(ctx: ServiceContext, id: string): Promise<void> {
  authorize(ctx.actor, 'webhook.manage');
  await runInTransaction(ctx, async (uow) => {
    const row = await loadWebhook(uow.db, uow.actor.organisationId, id);
    const record = toWebhookRecord(row);
    await removeWebhook(uow.db, row.id, webhookTopic(row.id));
    await uow.audit('webhook.delete', { type: 'webhook', id: row.id }, { name: record.name, url: record.url, event_types: record.event_types });
    uow.emit({ type: 'webhook.deleted', entity_id: row.id });
  });
}
