import { stale } from '../../domain/errors.js';
import { readBool, readJson } from '../../store/dialect.js';
import { updateWebhook as writeWebhook, type WebhookChanges } from '../../store/repositories/webhooks.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { checkWebhookFields, loadWebhook, toWebhookRecord, type WebhookRecord } from './webhook-record.js';

export interface WebhookUpdate {
  name?: string | undefined;
  url?: string | undefined;
  event_types?: string[] | undefined;
  enabled?: boolean | undefined;
  include_restricted?: boolean | undefined;
  /** A new signing secret; receivers must switch to it at the same time. */
  secret?: string | undefined;
}

/**
 * Changes a webhook (administrators), at the version the caller saw. Pausing keeps queued
 * deliveries waiting until it is enabled again; they are not dropped.
 */
export async function updateWebhook(ctx: ServiceContext, id: string, expectedVersion: number, update: WebhookUpdate): Promise<WebhookRecord> {
  authorize(ctx.actor, 'webhook.manage');
  const checked = checkWebhookFields(update);
  return runInTransaction(ctx, async (uow) => {
    const row = await loadWebhook(uow.db, uow.actor.organisationId, id);
    const version = Number(row.version);
    if (expectedVersion !== version) throw stale(version);
    const before = toWebhookRecord(row);
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    const changes: WebhookChanges = { updated_at: uow.now };
    const note = <K extends 'name' | 'url' | 'enabled' | 'include_restricted'>(field: K, to: WebhookRecord[K] | undefined) => {
      if (to === undefined || to === before[field]) return;
      changed[field] = { from: before[field], to };
      changes[field] = to;
    };
    note('name', checked.name);
    note('url', checked.url);
    note('enabled', update.enabled);
    note('include_restricted', update.include_restricted);
    if (checked.event_types && JSON.stringify(checked.event_types) !== JSON.stringify(readJson<string[]>(row.event_types))) {
      changed.event_types = { from: before.event_types, to: checked.event_types };
      changes.event_types = checked.event_types;
    }
    if (update.secret !== undefined && update.secret !== row.secret) {
      changed.secret = { from: 'previous', to: 'replaced' };
      changes.secret = update.secret;
    }
    if (Object.keys(changed).length === 0) return before;
    if (!(await writeWebhook(uow.db, row.id, version, changes))) throw stale(version + 1);
    await uow.audit('webhook.update', { type: 'webhook', id: row.id }, { changes: changed, version: version + 1 });
    uow.emit({ type: 'webhook.updated', entity_id: row.id, version: version + 1 });
    return toWebhookRecord({
      ...row,
      ...changes,
      enabled: changes.enabled ?? readBool(row.enabled),
      include_restricted: changes.include_restricted ?? readBool(row.include_restricted),
      event_types: changes.event_types ?? row.event_types,
      version: version + 1,
    });
  });
}
