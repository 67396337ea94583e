import type SQLite from 'better-sqlite3';
import type { ObservableRow, SightingRow } from '../schema.js';
import { cachedStatement } from '../statement-cache.js';

/**
 * The SQLite fast path of upsertObservablesAndSightings: the same upserts as prepared statements on
 * the raw connection (the one the open Kysely transaction runs on), without the query builder's cost.
 */
/** How an observable is told apart within one batch: its type and normalised value. */
export const key = (type: string, value: string) => `${type}\u0000${value}`;

const OBSERVABLE_SQL = `INSERT INTO observables (id, organisation_id, type, value, ignore_similarity, first_seen_at, last_seen_at, sighting_count, created_at, updated_at, version)
VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, 1)
ON CONFLICT (organisation_id, type, value) DO UPDATE SET first_seen_at = min(first_seen_at, excluded.first_seen_at),
  last_seen_at = max(last_seen_at, excluded.last_seen_at), sighting_count = sighting_count + excluded.sighting_count, updated_at = excluded.updated_at
RETURNING id`;

const SIGHTING_SQL = `INSERT INTO sightings (id, organisation_id, observable_id, subject_type, subject_id, ioc, sighted, tlp, tags, note, count, first_seen_at, last_seen_at, created_at, created_by, updated_at, version)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
ON CONFLICT (observable_id, subject_type, subject_id) DO UPDATE SET count = count + excluded.count, ioc = (ioc OR excluded.ioc),
  sighted = (sighted OR excluded.sighted), first_seen_at = min(first_seen_at, excluded.first_seen_at),
  last_seen_at = max(last_seen_at, excluded.last_seen_at), updated_at = excluded.updated_at`;

/** Prepared statements on the raw connection, which is the one the open Kysely transaction runs on. */
export function upsertOnSqlite(sqlite: SQLite.Database, observables: ObservableRow[], sightings: SightingRow[]): Map<string, string> {
  const prepared = { observable: cachedStatement(sqlite, OBSERVABLE_SQL), sighting: cachedStatement(sqlite, SIGHTING_SQL) };
  const ids = new Map<string, string>();
  for (const o of observables) {
    const row = prepared.observable.get(o.id, o.organisation_id, o.type, o.value, o.first_seen_at, o.last_seen_at, o.sighting_count, o.created_at, o.updated_at) as { id: string };
    ids.set(key(o.type, o.value), row.id);
  }
  for (const s of sightings) {
    prepared.sighting.run(
      s.id, s.organisation_id, ids.get(s.observable_id)!, s.subject_type, s.subject_id, s.ioc ? 1 : 0, s.sighted ? 1 : 0,
      s.tlp, s.tags as string, s.note, s.count, s.first_seen_at, s.last_seen_at, s.created_at, s.created_by, s.updated_at,
    );
  }
  return ids;
}
