import { listWebhooks as queryWebhooks } from '../../store/repositories/webhooks.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { loadWebhook, toWebhookRecord, type WebhookRecord } from './webhook-record.js';

/** Every webhook of the organisation, by name (administrators). */
export async function listWebhooks(ctx: ServiceContext): Promise<WebhookRecord[]> {
  authorize(ctx.actor, 'webhook.manage');
  return (await queryWebhooks(ctx.database.db, ctx.actor.organisationId)).map(toWebhookRecord);
}

export async function getWebhook(ctx: ServiceContext, id: string): Promise<WebhookRecord> {
  authorize(ctx.actor, 'webhook.manage');
  return toWebhookRecord(await loadWebhook(ctx.database.db, ctx.actor.organisationId, id));
}
