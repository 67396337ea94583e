import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { ObservableType } from '../src/domain/observables.js';
import type { DatabaseHandle } from '../src/store/database.js';

/**
 * Bench-only bulk loader for "seen before": observables written straight into the store, each seen
 * on one alert, one in ten also on an incident, and a few "hot" ones (a scanner's IP) seen hundreds of
 * times. Values are already in normalised form, as ingestion would have stored them.
 */
const KINDS: ObservableType[] = ['ip', 'ip', 'ip', 'ip', 'ip', 'ip', 'ip', 'ip', 'domain', 'domain', 'domain', 'domain', 'sha256', 'sha256', 'sha256', 'url', 'url', 'md5', 'email', 'filename'];
const hex = (algorithm: string, n: number) => createHash(algorithm).update(`bench-${n}`).digest('hex');

export function observableAt(n: number): { type: ObservableType; value: string } {
  const type = KINDS[n % KINDS.length]!;
  const ip = 0x0b000000 + n;
  const values: Partial<Record<ObservableType, () => string>> = {
    ip: () => `${(ip >>> 24) & 255}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`,
    domain: () => `h${n.toString(36)}.example-${n % 97}.com`,
    sha256: () => hex('sha256', n),
    url: () => `https://site-${n.toString(36)}.example/p/${n}`,
    md5: () => hex('md5', n),
    email: () => `user${n}@corp${n % 1000}.example`,
    filename: () => `file-${n}.exe`,
  };
  return { type, value: values[type]!() };
}

export const HOT_OBSERVABLES = 20;
const HOT_SIGHTINGS = 300;
const BATCH = 20_000;
const OBSERVABLE_COLUMNS = ['id', 'organisation_id', 'type', 'value', 'ignore_similarity', 'first_seen_at', 'last_seen_at', 'sighting_count', 'created_at', 'updated_at', 'version'];
const SIGHTING_COLUMNS = ['id', 'organisation_id', 'observable_id', 'subject_type', 'subject_id', 'ioc', 'sighted', 'tlp', 'tags', 'note', 'count', 'first_seen_at', 'last_seen_at', 'created_at', 'created_by', 'updated_at', 'version'];

export interface ObservableSeedOptions {
  organisationId: string;
  count: number;
  alertIds: (n: number) => string;
  alertCount: number;
  incidentIds: string[];
  at: string;
}

export async function seedObservables(handle: DatabaseHandle, options: ObservableSeedOptions): Promise<void> {
  const { organisationId: org, at } = options;
  const observableId = (n: number) => `obs_bench${String(n).padStart(21, '0')}`;
  let sightingSeq = 0;
  const sighting = (n: number, subjectType: string, subjectId: string): unknown[] => [
    `sgt_bench${String((sightingSeq += 1)).padStart(21, '0')}`, org, observableId(n), subjectType, subjectId, n % 7 === 0, true, 'amber', '[]', '', 1, at, at, at, 'system', at, 1,
  ];
  const rowsFor = (from: number, to: number) => {
    const observables: unknown[][] = [];
    const sightings: unknown[][] = [];
    for (let n = from; n < to; n += 1) {
      const { type, value } = observableAt(n);
      const extra = n < HOT_OBSERVABLES ? HOT_SIGHTINGS : 0;
      const onIncident = n % 10 === 0;
      observables.push([observableId(n), org, type, value, false, at, at, 1 + extra + (onIncident ? 1 : 0), at, at, 1]);
      sightings.push(sighting(n, 'alert', options.alertIds(n % options.alertCount)));
      if (onIncident) sightings.push(sighting(n, 'incident', options.incidentIds[n % options.incidentIds.length]!));
      for (let k = 1; k <= extra; k += 1) sightings.push(sighting(n, 'alert', options.alertIds((n + k * 997) % options.alertCount)));
    }
    return { observables, sightings };
  };

  if (handle.sqlite) {
    const sqlite = handle.sqlite;
    const insertObservable = sqlite.prepare(`INSERT INTO observables (${OBSERVABLE_COLUMNS.join(', ')}) VALUES (${OBSERVABLE_COLUMNS.map(() => '?').join(', ')})`);
    const insertSighting = sqlite.prepare(`INSERT INTO sightings (${SIGHTING_COLUMNS.join(', ')}) VALUES (${SIGHTING_COLUMNS.map(() => '?').join(', ')})`);
    const bool = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v);
    const batch = sqlite.transaction((from: number, to: number) => {
      const { observables, sightings } = rowsFor(from, to);
      for (const row of observables) insertObservable.run(...row.map(bool));
      for (const row of sightings) insertSighting.run(...row.map(bool));
    });
    // Loading only: a large page cache for the random-order unique index, no fsync per batch. Put back
    // afterwards, so lookups are measured with the settings the server runs with.
    const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
    sqlite.pragma('cache_size = -2000000');
    sqlite.pragma('synchronous = OFF');
    try {
      for (let from = 0; from < options.count; from += BATCH) batch(from, Math.min(options.count, from + BATCH));
    } finally {
      sqlite.pragma('synchronous = FULL');
      sqlite.pragma(`cache_size = ${cacheSize}`);
    }
    await sql`ANALYZE`.execute(handle.db);
    return;
  }

  const pool = handle.pool!;
  const observableTypes = ['text', 'text', 'text', 'text', 'bool', 'timestamptz', 'timestamptz', 'int', 'timestamptz', 'timestamptz', 'int'];
  const sightingTypes = ['text', 'text', 'text', 'text', 'text', 'bool', 'bool', 'text', 'jsonb', 'text', 'int', 'timestamptz', 'timestamptz', 'timestamptz', 'text', 'timestamptz', 'int'];
  const unnestInsert = (table: string, columns: string[], types: string[]) => `INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`;
  const byColumn = (rows: unknown[][], width: number) => Array.from({ length: width }, (_, i) => rows.map((row) => row[i]));
  for (let from = 0; from < options.count; from += BATCH) {
    const { observables, sightings } = rowsFor(from, Math.min(options.count, from + BATCH));
    await pool.query(unnestInsert('observables', OBSERVABLE_COLUMNS, observableTypes), byColumn(observables, OBSERVABLE_COLUMNS.length));
    await pool.query(unnestInsert('sightings', SIGHTING_COLUMNS, sightingTypes), byColumn(sightings, SIGHTING_COLUMNS.length));
  }
  await sql`VACUUM ANALYZE observables`.execute(handle.db);
  await sql`VACUUM ANALYZE sightings`.execute(handle.db);
}
