import { sql, type Selectable } from 'kysely';
import type { Db } from '../database.js';
import type { Engine } from '../dialect.js';
import { writeJson } from '../dialect.js';
import type { OutboxRow } from '../schema.js';

export type OutboxMessageRow = Selectable<OutboxRow>;

/** The outbox rows of webhooks: one per event and webhook, topic `webhook:<id>`. */
export interface OutboxMessage {
  id: string;
  organisation_id: string;
  topic: string;
  payload: unknown;
  at: string;
}

/** Rows per INSERT: well under SQLite's bound-parameter limit. */
const CHUNK = 500;

export async function insertOutboxMessages(db: Db, messages: OutboxMessage[]): Promise<void> {
  for (let i = 0; i < messages.length; i += CHUNK) {
    const rows = messages.slice(i, i + CHUNK).map((m) => ({
      id: m.id,
      organisation_id: m.organisation_id,
      topic: m.topic,
      payload: writeJson(m.payload),
      created_at: m.at,
      available_at: m.at,
      delivered_at: null,
      last_error: null,
      failed_at: null,
    }));
    await db.insertInto('outbox').values(rows).execute();
  }
}

export async function findOutboxMessage(db: Db, organisationId: string, id: string): Promise<OutboxMessageRow | undefined> {
  return db.selectFrom('outbox').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

/**
 * Claims due messages of topics starting with `prefix`: counts the attempt and hides them until
 * `leaseUntil`, so a node that dies mid-send leaves them to be retried after the lease. On
 * PostgreSQL, SKIP LOCKED lets several nodes claim side by side without waiting on each other.
 */
export async function claimDueMessages(db: Db, engine: Engine, input: { prefix: string; now: string; leaseUntil: string; limit: number }): Promise<OutboxMessageRow[]> {
  return db.transaction().execute(async (trx) => {
    let due = trx
      .selectFrom('outbox')
      .select('id')
      .where('delivered_at', 'is', null)
      .where('failed_at', 'is', null)
      .where('available_at', '<=', input.now)
      .where('topic', 'like', `${input.prefix}%`)
      .orderBy('available_at')
      .limit(input.limit);
    if (engine === 'postgres') due = due.forUpdate().skipLocked();
    const ids = (await due.execute()).map((r) => r.id);
    if (ids.length === 0) return [];
    return trx
      .updateTable('outbox')
      .set({ attempts: sql`attempts + 1`, available_at: input.leaseUntil })
      .where('id', 'in', ids)
      .returningAll()
      .execute();
  });
}

export async function markDelivered(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('outbox').set({ delivered_at: at, last_error: null }).where('id', '=', id).execute();
}

export async function scheduleRetry(db: Db, id: string, availableAt: string, error: string): Promise<void> {
  await db.updateTable('outbox').set({ available_at: availableAt, last_error: error }).where('id', '=', id).execute();
}

export async function markFailed(db: Db, id: string, at: string, error: string): Promise<void> {
  await db.updateTable('outbox').set({ failed_at: at, last_error: error }).where('id', '=', id).execute();
}

/** Gives the attempt back (the webhook is paused): later, without counting it. */
export async function postponeMessage(db: Db, id: string, availableAt: string): Promise<void> {
  await db.updateTable('outbox').set({ available_at: availableAt, attempts: sql`attempts - 1` }).where('id', '=', id).execute();
}

export type DeliveryState = 'pending' | 'delivered' | 'failed';

/** One webhook's messages, newest first, keyset-paginated by (created_at, id). */
export async function listTopicMessages(db: Db, input: { topic: string; state?: DeliveryState | undefined; after?: { at: string; id: string } | undefined; limit: number }): Promise<OutboxMessageRow[]> {
  let query = db.selectFrom('outbox').selectAll().where('topic', '=', input.topic);
  if (input.state === 'delivered') query = query.where('delivered_at', 'is not', null);
  if (input.state === 'failed') query = query.where('failed_at', 'is not', null);
  if (input.state === 'pending') query = query.where('delivered_at', 'is', null).where('failed_at', 'is', null);
  const after = input.after;
  if (after) query = query.where((eb) => eb.or([eb('created_at', '<', after.at), eb.and([eb('created_at', '=', after.at), eb('id', '<', after.id)])]));
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(input.limit).execute();
}

/** Delivered and failed webhook messages finished before `cutoff`, with their attempts; answers how many messages went. */
export async function deleteFinishedMessages(db: Db, input: { organisationId: string; prefix: string; cutoff: string }): Promise<number> {
  const finished = db
    .selectFrom('outbox')
    .select('id')
    .where('organisation_id', '=', input.organisationId)
    .where('topic', 'like', `${input.prefix}%`)
    .where((eb) => eb.or([eb('delivered_at', '<', input.cutoff), eb('failed_at', '<', input.cutoff)]));
  await db.deleteFrom('webhook_deliveries').where('outbox_id', 'in', finished).execute();
  const deleted = await db
    .deleteFrom('outbox')
    .where('organisation_id', '=', input.organisationId)
    .where('topic', 'like', `${input.prefix}%`)
    .where((eb) => eb.or([eb('delivered_at', '<', input.cutoff), eb('failed_at', '<', input.cutoff)]))
    .executeTakeFirst();
  return Number(deleted.numDeletedRows);
}
