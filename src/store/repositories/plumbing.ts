import { newId } from '../../domain/ids.js';
import type { Db } from '../database.js';
import { readJson, writeJson } from '../dialect.js';
import type { IdempotencyKeyRow } from '../schema.js';

export async function enqueueOutbox(db: Db, input: { organisation_id: string; topic: string; payload: unknown; at: string }): Promise<void> {
  await db
    .insertInto('outbox')
    .values({
      id: newId('outboxMessage'),
      organisation_id: input.organisation_id,
      topic: input.topic,
      payload: writeJson(input.payload),
      created_at: input.at,
      available_at: input.at,
      delivered_at: null,
      last_error: null,
    })
    .execute();
}

export async function findIdempotencyKey(db: Db, organisationId: string, principal: string, key: string): Promise<IdempotencyKeyRow | undefined> {
  return db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('principal', '=', principal)
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function insertIdempotencyKey(db: Db, row: Omit<IdempotencyKeyRow, 'response'> & { response: unknown }): Promise<void> {
  await db.insertInto('idempotency_keys').values({ ...row, response: writeJson(row.response) }).execute();
}

export async function deleteIdempotencyKeysBefore(db: Db, cutoff: string): Promise<number> {
  const deleted = await db.deleteFrom('idempotency_keys').where('created_at', '<', cutoff).executeTakeFirst();
  return Number(deleted.numDeletedRows);
}

export async function readSetting<T>(db: Db, organisationId: string, key: string): Promise<T | undefined> {
  const row = await db.selectFrom('settings').select('value').where('organisation_id', '=', organisationId).where('key', '=', key).executeTakeFirst();
  return row ? readJson<T>(row.value) : undefined;
}

export async function writeSetting(db: Db, input: { organisation_id: string; key: string; value: unknown; at: string; by: string | null }): Promise<void> {
  await db
    .insertInto('settings')
    .values({ organisation_id: input.organisation_id, key: input.key, value: writeJson(input.value), updated_at: input.at, updated_by: input.by })
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'key']).doUpdateSet({ value: writeJson(input.value), updated_at: input.at, updated_by: input.by }),
    )
    .execute();
}

export async function listCategories(db: Db, organisationId: string) {
  return db.selectFrom('incident_categories').selectAll().where('organisation_id', '=', organisationId).orderBy('label').execute();
}

export async function insertCategory(db: Db, row: { organisation_id: string; key: string; label: string; at: string; by: string }) {
  const record = { id: newId('category'), organisation_id: row.organisation_id, key: row.key, label: row.label, created_at: row.at, created_by: row.by };
  await db.insertInto('incident_categories').values(record).execute();
  return record;
}
