import { conflict, notFound } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { PING_EVENT, webhookTopic } from '../../domain/webhooks.js';
import { readBool, readJson } from '../../store/dialect.js';
import { findOutboxMessage, insertOutboxMessages } from '../../store/repositories/webhook-outbox.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { toDeliveryRecord, type DeliveryRecord } from './delivery-record.js';
import { loadWebhook } from './webhook-record.js';

/**
 * Queues an event again for a webhook (administrators), as a new delivery with the same body, so
 * the receiver can tell it is the same event by the body's `id`.
 */
export async function redeliverWebhook(ctx: ServiceContext, webhookId: string, deliveryId: string): Promise<DeliveryRecord> {
  authorize(ctx.actor, 'webhook.manage');
  return runInTransaction(ctx, async (uow) => {
    const hook = await loadWebhook(uow.db, uow.actor.organisationId, webhookId);
    const original = await findOutboxMessage(uow.db, uow.actor.organisationId, deliveryId);
    if (!original || original.topic !== webhookTopic(hook.id)) throw notFound(`Delivery ${deliveryId} of webhook ${hook.id}`);
    const id = newId('outboxMessage');
    const body = readJson<Record<string, unknown>>(original.payload);
    await insertOutboxMessages(uow.db, [{ id, organisation_id: uow.actor.organisationId, topic: original.topic, payload: body, at: uow.now }]);
    await uow.audit('webhook.redeliver', { type: 'webhook', id: hook.id }, { delivery_id: id, redelivery_of: original.id, event_id: body.id, event_type: body.type });
    uow.emit({ type: 'webhook.delivery_queued', entity_id: hook.id });
    return toDeliveryRecord({ ...original, id, created_at: uow.now, available_at: uow.now, attempts: 0, delivered_at: null, failed_at: null, last_error: null }, []);
  });
}

/** Queues a `webhook.ping` to check the receiver and its signature verification; a paused webhook cannot be pinged. */
export async function pingWebhook(ctx: ServiceContext, webhookId: string): Promise<DeliveryRecord> {
  authorize(ctx.actor, 'webhook.manage');
  return runInTransaction(ctx, async (uow) => {
    const hook = await loadWebhook(uow.db, uow.actor.organisationId, webhookId);
    if (!readBool(hook.enabled)) throw conflict('This webhook is paused; enable it before sending a test event.');
    const id = newId('outboxMessage');
    const body = { id: newId('webhookEvent'), type: PING_EVENT, occurred_at: uow.now, organisation_id: uow.actor.organisationId, actor_id: uow.actor.userId, entity_id: hook.id, data: { message: `Test event for webhook "${hook.name}".` } };
    const message = { id, organisation_id: uow.actor.organisationId, topic: webhookTopic(hook.id), payload: body, at: uow.now };
    await insertOutboxMessages(uow.db, [message]);
    await uow.audit('webhook.ping', { type: 'webhook', id: hook.id }, { delivery_id: id });
    uow.emit({ type: 'webhook.delivery_queued', entity_id: hook.id });
    return toDeliveryRecord({ ...message, payload: JSON.stringify(body), created_at: uow.now, available_at: uow.now, attempts: 0, delivered_at: null, failed_at: null, last_error: null }, []);
  });
}
