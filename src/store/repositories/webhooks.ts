import type { Db } from '../database.js';
import { writeJson } from '../dialect.js';
import type { WebhookDeliveryRow, WebhookRow } from '../schema.js';

export async function insertWebhook(db: Db, row: WebhookRow): Promise<void> {
  await db.insertInto('webhooks').values({ ...row, event_types: writeJson(row.event_types) }).execute();
}

export async function findWebhook(db: Db, organisationId: string, id: string): Promise<WebhookRow | undefined> {
  return db.selectFrom('webhooks').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

export async function findWebhooksByIds(db: Db, ids: string[]): Promise<WebhookRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('webhooks').selectAll().where('id', 'in', ids).execute();
}

export async function listWebhooks(db: Db, organisationId: string): Promise<WebhookRow[]> {
  return db.selectFrom('webhooks').selectAll().where('organisation_id', '=', organisationId).orderBy('name').orderBy('id').execute();
}

/** The enabled subscriptions, read in the transaction that emits events. */
export async function listEnabledWebhooks(db: Db, organisationId: string): Promise<Array<Pick<WebhookRow, 'id' | 'event_types' | 'include_restricted'>>> {
  return db.selectFrom('webhooks').select(['id', 'event_types', 'include_restricted']).where('organisation_id', '=', organisationId).where('enabled', '=', true).execute();
}

export type WebhookChanges = Partial<Pick<WebhookRow, 'name' | 'url' | 'secret' | 'event_types' | 'enabled' | 'include_restricted'>> & { updated_at: string };

/** Optimistic: false when the row is no longer at `version`. */
export async function updateWebhook(db: Db, id: string, version: number, changes: WebhookChanges): Promise<boolean> {
  const values = { ...changes, ...(changes.event_types !== undefined ? { event_types: writeJson(changes.event_types) } : {}), version: version + 1 };
  const result = await db.updateTable('webhooks').set(values).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes the webhook; its attempts go by the foreign key, its queued messages here. */
export async function deleteWebhook(db: Db, id: string, topic: string): Promise<void> {
  await db.deleteFrom('outbox').where('topic', '=', topic).execute();
  await db.deleteFrom('webhooks').where('id', '=', id).execute();
}

export async function insertDeliveryAttempt(db: Db, row: WebhookDeliveryRow): Promise<void> {
  await db.insertInto('webhook_deliveries').values(row).execute();
}

export async function attemptsOfMessages(db: Db, outboxIds: string[]): Promise<WebhookDeliveryRow[]> {
  if (outboxIds.length === 0) return [];
  return db.selectFrom('webhook_deliveries').selectAll().where('outbox_id', 'in', outboxIds).orderBy('at').orderBy('id').execute();
}

/** The incident facts a webhook body carries, read in the emitting transaction. */
export async function incidentSummaries(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('incidents').select(['id', 'number', 'title', 'severity', 'phase', 'category', 'tlp', 'restricted']).where('id', 'in', ids).execute();
}

/** The alert facts a webhook body carries; chunked, as a batch may name thousands. */
export async function alertSummaries(db: Db, ids: string[]) {
  const rows = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(...(await db.selectFrom('alerts').select(['id', 'source', 'source_ref', 'type', 'title', 'severity', 'status', 'tlp', 'group_id', 'incident_id']).where('id', 'in', ids.slice(i, i + 500)).execute()));
  }
  return rows;
}
