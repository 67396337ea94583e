import { newId } from '../../domain/ids.js';
import { insertWebhook } from '../../store/repositories/webhooks.js';
import type { WebhookRow } from '../../store/schema.js';
import { newSecret } from '../auth/secrets.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { checkWebhookFields, toWebhookRecord, type WebhookRecord } from './webhook-record.js';

export interface NewWebhook {
  name: string;
  url: string;
  event_types: string[];
  secret?: string | undefined;
  enabled?: boolean | undefined;
  include_restricted?: boolean | undefined;
}

/**
 * Subscribes a receiver to events (administrators). The signing secret is the caller's or a
 * generated one, answered this once; Bulwark keeps it to sign, so it is never shown again.
 */
export async function createWebhook(ctx: ServiceContext, input: NewWebhook): Promise<{ webhook: WebhookRecord; secret: string }> {
  authorize(ctx.actor, 'webhook.manage');
  const checked = checkWebhookFields(input);
  return runInTransaction(ctx, async (uow) => {
    const secret = input.secret ?? newSecret('whsec_');
    const row: WebhookRow = {
      id: newId('webhook'),
      organisation_id: uow.actor.organisationId,
      name: checked.name!,
      url: checked.url!,
      secret,
      event_types: checked.event_types!,
      enabled: input.enabled ?? true,
      include_restricted: input.include_restricted ?? false,
      created_at: uow.now,
      created_by: uow.actor.userId,
      updated_at: uow.now,
      version: 1,
    };
    await insertWebhook(uow.db, row);
    const record = toWebhookRecord(row);
    await uow.audit('webhook.create', { type: 'webhook', id: row.id }, { name: record.name, url: record.url, event_types: record.event_types, enabled: record.enabled, include_restricted: record.include_restricted, secret_generated: input.secret === undefined });
    uow.emit({ type: 'webhook.created', entity_id: row.id, version: 1 });
    return { webhook: record, secret };
  });
}
