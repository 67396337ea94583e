import { sql } from 'kysely';
import type { Db, DatabaseHandle } from '../database.js';
import type { Engine } from '../dialect.js';
import type { AlertRow } from '../schema.js';
import { cachedStatement } from '../statement-cache.js';

/**
 * The writes of alert ingestion, built for batches of thousands: on SQLite prepared statements on the
 * raw connection (inside the transaction Kysely opened on it), on PostgreSQL one statement per table
 * fed by arrays (unnest), so a batch costs a handful of round trips.
 */

export type NewAlertRow = Omit<AlertRow, 'tags' | 'raw'> & { tags: string; raw: string | null };

const ALERT_COLUMNS = [
  'id', 'organisation_id', 'source', 'source_ref', 'type', 'title', 'description', 'severity', 'occurred_at', 'tags', 'tlp', 'pap', 'status',
  'fingerprint', 'correlation_key', 'group_id', 'incident_id', 'dismiss_reason', 'triaged_at', 'triaged_by', 'repeat_count', 'first_seen_at', 'last_seen_at', 'raw',
  'created_at', 'updated_at', 'version',
] as const satisfies ReadonlyArray<keyof NewAlertRow>;

const PG_TYPES: Partial<Record<(typeof ALERT_COLUMNS)[number], string>> = {
  severity: 'integer', repeat_count: 'integer', version: 'integer', tags: 'jsonb', raw: 'jsonb',
  occurred_at: 'timestamptz', triaged_at: 'timestamptz', first_seen_at: 'timestamptz', last_seen_at: 'timestamptz', created_at: 'timestamptz', updated_at: 'timestamptz',
};

/** On PostgreSQL, ingestion for one organisation runs one transaction at a time, so two batches never race on the same source_ref. */
export async function lockIngestion(db: Db, engine: Engine, organisationId: string): Promise<void> {
  if (engine === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${`ingest:${organisationId}`}))`.execute(db);
}

function sqliteOf(handle: DatabaseHandle) {
  if (!handle.sqlite) throw new Error('the SQLite fast path needs the raw connection');
  return handle.sqlite;
}

export async function insertAlerts(db: Db, handle: DatabaseHandle, rows: NewAlertRow[]): Promise<void> {
  if (rows.length === 0) return;
  if (handle.engine === 'sqlite') {
    const insert = cachedStatement(sqliteOf(handle), `INSERT INTO alerts (${ALERT_COLUMNS.join(', ')}) VALUES (${ALERT_COLUMNS.map(() => '?').join(', ')})`);
    for (const row of rows) insert.run(ALERT_COLUMNS.map((c) => row[c]));
    return;
  }
  const arrays = ALERT_COLUMNS.map((c) => sql`${rows.map((row) => (row[c] === null ? null : String(row[c])))}::text[]`);
  const casts = ALERT_COLUMNS.map((c, i) => sql.raw(`c${i}::${PG_TYPES[c] ?? 'text'}`));
  const names = ALERT_COLUMNS.map((_c, i) => sql.raw(`c${i}`));
  await sql`INSERT INTO alerts (${sql.raw(ALERT_COLUMNS.join(', '))})
    SELECT ${sql.join(casts)} FROM unnest(${sql.join(arrays)}) AS t(${sql.join(names)})`.execute(db);
}

export interface AlertRepeat {
  id: string;
  /** How many more times it was seen. */
  times: number;
  last_seen_at: string;
}

/** A repeat moves last_seen_at forward (never back) and adds to repeat_count. */
export async function recordRepeats(db: Db, handle: DatabaseHandle, repeats: AlertRepeat[]): Promise<void> {
  if (repeats.length === 0) return;
  if (handle.engine === 'sqlite') {
    const update = cachedStatement(
      sqliteOf(handle),
      'UPDATE alerts SET repeat_count = repeat_count + ?, last_seen_at = max(last_seen_at, ?), updated_at = ?, version = version + 1 WHERE id = ?',
    );
    for (const r of repeats) update.run(r.times, r.last_seen_at, r.last_seen_at, r.id);
    return;
  }
  await sql`UPDATE alerts SET repeat_count = alerts.repeat_count + t.times, last_seen_at = greatest(alerts.last_seen_at, t.seen),
      updated_at = t.seen, version = alerts.version + 1
    FROM unnest(${repeats.map((r) => r.id)}::text[], ${repeats.map((r) => r.times)}::integer[], ${repeats.map((r) => r.last_seen_at)}::timestamptz[]) AS t(id, times, seen)
    WHERE alerts.id = t.id`.execute(db);
}

const CHUNK = 500;
function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Alerts already stored under these sender references, keyed by `source\u0000source_ref`. */
export async function findBySourceRefs(db: Db, organisationId: string, refs: ReadonlyArray<{ source: string; source_ref: string }>): Promise<Map<string, { id: string; version: number }>> {
  const found = new Map<string, { id: string; version: number }>();
  const bySource = new Map<string, string[]>();
  for (const r of refs) {
    const list = bySource.get(r.source);
    if (list) list.push(r.source_ref);
    else bySource.set(r.source, [r.source_ref]);
  }
  for (const [source, sourceRefs] of bySource) {
    for (const part of chunks([...new Set(sourceRefs)])) {
      const rows = await db
        .selectFrom('alerts')
        .select(['id', 'source_ref', 'version'])
        .where('organisation_id', '=', organisationId)
        .where('source', '=', source)
        .where('source_ref', 'in', part)
        .execute();
      for (const row of rows) found.set(`${source}\u0000${row.source_ref}`, { id: row.id, version: Number(row.version) });
    }
  }
  return found;
}

/** The newest open alert per fingerprint seen since `since`. */
export async function findOpenByFingerprints(db: Db, organisationId: string, fingerprints: readonly string[], since: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const part of chunks([...new Set(fingerprints)])) {
    const rows = await db
      .selectFrom('alerts')
      .select(['id', 'fingerprint', 'last_seen_at'])
      .where('organisation_id', '=', organisationId)
      .where('fingerprint', 'in', part)
      .where('last_seen_at', '>=', since)
      .where('status', '=', 'new')
      .orderBy('last_seen_at', 'asc')
      .execute();
    for (const row of rows) found.set(row.fingerprint!, row.id);
  }
  return found;
}
