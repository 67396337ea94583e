import type SQLite from 'better-sqlite3';
import { newId } from '../../domain/ids.js';
import type { ObservableType } from '../../domain/observables.js';
import type { Db, DatabaseHandle } from '../database.js';
import { writeJson } from '../dialect.js';
import { upsertObservablesAndSightings, type SightingUpsert } from './observable-upsert.js';
import { cachedStatement } from '../statement-cache.js';

/** One observable as a new alert carries it (normalised, duplicates already collapsed). */
export interface NewAlertObservable {
  type: ObservableType;
  value: string;
  ioc: boolean;
  sighted: boolean;
  tlp: string;
  tags: string[];
  note: string;
}

export interface NewAlertObservables {
  alertId: string;
  observables: readonly NewAlertObservable[];
}

const INSERT_OBSERVABLE = `INSERT INTO observables (id, organisation_id, type, value, ignore_similarity, first_seen_at, last_seen_at, sighting_count, created_at, updated_at, version)
VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, 1)`;
const SEE_OBSERVABLE_AGAIN = 'UPDATE observables SET last_seen_at = max(last_seen_at, ?), sighting_count = sighting_count + ?, updated_at = ? WHERE id = ?';
const INSERT_SIGHTING = `INSERT INTO sightings (id, organisation_id, observable_id, subject_type, subject_id, ioc, sighted, tlp, tags, note, count, first_seen_at, last_seen_at, created_at, created_by, updated_at, version)
VALUES (?, ?, ?, 'alert', ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, 1)`;

/**
 * Stores the observables of alerts created in this transaction, and one sighting per (observable,
 * alert). `known` holds the observables this transaction already read (`type:value` → id); the rest are
 * new. On SQLite, where this process is the only writer inside the transaction, that makes every write
 * a plain insert or a keyed update — the hot path of ingestion. PostgreSQL, where other transactions
 * may create the same observable concurrently, goes through the general upsert.
 */
export async function recordNewAlertObservables(
  db: Db,
  handle: DatabaseHandle,
  scope: { organisationId: string; actorId: string; now: string },
  known: ReadonlyMap<string, string>,
  alerts: readonly NewAlertObservables[],
): Promise<void> {
  if (handle.engine !== 'sqlite' || !handle.sqlite) {
    const upserts: SightingUpsert[] = alerts.flatMap((a) => a.observables.map((o) => ({ ...o, subject_type: 'alert' as const, subject_id: a.alertId, seen_at: scope.now })));
    if (upserts.length) await upsertObservablesAndSightings(db, scope.organisationId, scope.actorId, scope.now, upserts);
    return;
  }
  writeOnSqlite(handle.sqlite, scope, known, alerts);
}

function writeOnSqlite(sqlite: SQLite.Database, { organisationId, actorId, now }: { organisationId: string; actorId: string; now: string }, known: ReadonlyMap<string, string>, alerts: readonly NewAlertObservables[]): void {
  const insertObservable = cachedStatement(sqlite, INSERT_OBSERVABLE);
  const seeAgain = cachedStatement(sqlite, SEE_OBSERVABLE_AGAIN);
  const insertSighting = cachedStatement(sqlite, INSERT_SIGHTING);
  // Sightings per observable in this batch; observables first met here get their id now.
  const seen = new Map<string, { id: string; isNew: boolean; count: number; type: string; value: string }>();
  const observableIds: string[][] = alerts.map((a) =>
    a.observables.map((o) => {
      const k = `${o.type}:${o.value}`;
      let entry = seen.get(k);
      if (!entry) {
        const id = known.get(k);
        entry = { id: id ?? newId('observable'), isNew: id === undefined, count: 0, type: o.type, value: o.value };
        seen.set(k, entry);
      }
      entry.count += 1;
      return entry.id;
    }),
  );
  for (const o of seen.values()) {
    if (o.isNew) insertObservable.run(o.id, organisationId, o.type, o.value, now, now, o.count, now, now);
    else seeAgain.run(now, o.count, now, o.id);
  }
  alerts.forEach((a, i) => {
    const ids = observableIds[i]!;
    a.observables.forEach((o, j) => {
      insertSighting.run(newId('sighting'), organisationId, ids[j]!, a.alertId, o.ioc ? 1 : 0, o.sighted ? 1 : 0, o.tlp, o.tags.length ? writeJson(o.tags) : '[]', o.note, now, now, now, actorId, now);
    });
  });
}
