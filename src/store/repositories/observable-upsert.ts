import type SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { newId } from '../../domain/ids.js';
import type { ObservableType } from '../../domain/observables.js';
import type { Db } from '../database.js';
import { engineOf, writeJson } from '../dialect.js';
import type { ObservableRow, SightingRow } from '../schema.js';
import { key, upsertOnSqlite } from './observable-upsert-sqlite.js';

/** One observable seen on one alert or incident; type and value already normalised. */
export interface SightingUpsert {
  type: ObservableType;
  value: string;
  subject_type: 'alert' | 'incident';
  subject_id: string;
  ioc: boolean;
  sighted: boolean;
  tlp: string;
  tags: string[];
  note: string;
  seen_at: string;
}

const earlier = (a: string, b: string) => (a < b ? a : b);
const later = (a: string, b: string) => (a > b ? a : b);

/**
 * Folds the input into one candidate row per distinct observable and per distinct (observable,
 * subject), because one upsert statement may touch a row only once. Sighting rows hold the
 * observable's key in observable_id until the real id is known.
 */
function fold(organisationId: string, actorId: string, now: string, input: SightingUpsert[]) {
  const observables = new Map<string, ObservableRow>();
  const sightings = new Map<string, SightingRow>();
  for (const s of input) {
    const observableKey = key(s.type, s.value);
    const observable = observables.get(observableKey);
    if (observable) {
      observable.first_seen_at = earlier(observable.first_seen_at, s.seen_at);
      observable.last_seen_at = later(observable.last_seen_at, s.seen_at);
      observable.sighting_count += 1;
    } else {
      observables.set(observableKey, {
        id: newId('observable'), organisation_id: organisationId, type: s.type, value: s.value, ignore_similarity: false,
        first_seen_at: s.seen_at, last_seen_at: s.seen_at, sighting_count: 1, created_at: now, updated_at: now, version: 1,
      });
    }
    const sightingKey = `${observableKey}\u0000${s.subject_type}\u0000${s.subject_id}`;
    const sighting = sightings.get(sightingKey);
    if (sighting) {
      sighting.count += 1;
      sighting.ioc = Boolean(sighting.ioc) || s.ioc;
      sighting.sighted = Boolean(sighting.sighted) || s.sighted;
      sighting.first_seen_at = earlier(sighting.first_seen_at, s.seen_at);
      sighting.last_seen_at = later(sighting.last_seen_at, s.seen_at);
    } else {
      sightings.set(sightingKey, {
        id: newId('sighting'), organisation_id: organisationId, observable_id: observableKey, subject_type: s.subject_type,
        subject_id: s.subject_id, ioc: s.ioc, sighted: s.sighted, tlp: s.tlp, tags: writeJson(s.tags), note: s.note, count: 1,
        first_seen_at: s.seen_at, last_seen_at: s.seen_at, created_at: now, created_by: actorId, updated_at: now, version: 1,
      });
    }
  }
  return { observables: [...observables.values()], sightings: [...sightings.values()] };
}

const CHUNK = 500;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/**
 * Creates missing observables, stretches first/last seen and adds or bumps one sighting per
 * (observable, subject), inside the caller's transaction. A repeat raises the sighting's count and ORs
 * its ioc/sighted flags; an existing sighting keeps its tags and note. Counters do not bump `version`:
 * an analyst's If-Match edit must not go stale because an alert arrived.
 * Returns the observable id of each input, in input order.
 */
export async function upsertObservablesAndSightings(
  db: Db,
  organisationId: string,
  actorId: string,
  now: string,
  input: SightingUpsert[],
  fast?: { sqlite?: SQLite.Database | undefined },
): Promise<string[]> {
  if (input.length === 0) return [];
  const { observables, sightings } = fold(organisationId, actorId, now, input);
  const ids = fast?.sqlite ? upsertOnSqlite(fast.sqlite, observables, sightings) : await upsertWithKysely(db, observables, sightings);
  return input.map((s) => ids.get(key(s.type, s.value))!);
}

async function upsertWithKysely(db: Db, observables: ObservableRow[], sightings: SightingRow[]): Promise<Map<string, string>> {
  const postgres = engineOf(db) === 'postgres';
  const least = (a: string, b: string) => (postgres ? sql<string>`LEAST(${sql.ref(a)}, ${sql.ref(b)})` : sql<string>`min(${sql.ref(a)}, ${sql.ref(b)})`);
  const greatest = (a: string, b: string) => (postgres ? sql<string>`GREATEST(${sql.ref(a)}, ${sql.ref(b)})` : sql<string>`max(${sql.ref(a)}, ${sql.ref(b)})`);
  const ids = new Map<string, string>();
  // Sorted so that two concurrent batches lock shared observables in the same order (no deadlock on PostgreSQL).
  observables.sort((a, b) => (key(a.type, a.value) < key(b.type, b.value) ? -1 : 1));
  for (const rows of chunks(observables)) {
    const returned = await db
      .insertInto('observables')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['organisation_id', 'type', 'value']).doUpdateSet({
          first_seen_at: least('observables.first_seen_at', 'excluded.first_seen_at'),
          last_seen_at: greatest('observables.last_seen_at', 'excluded.last_seen_at'),
          sighting_count: sql<number>`observables.sighting_count + excluded.sighting_count`,
          updated_at: sql<string>`excluded.updated_at`,
        }),
      )
      .returning(['id', 'type', 'value'])
      .execute();
    for (const row of returned) ids.set(key(row.type, row.value), row.id);
  }
  for (const s of sightings) s.observable_id = ids.get(s.observable_id)!;
  for (const rows of chunks(sightings)) {
    await db
      .insertInto('sightings')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['observable_id', 'subject_type', 'subject_id']).doUpdateSet({
          count: sql<number>`sightings.count + excluded.count`,
          ioc: sql<boolean>`(sightings.ioc OR excluded.ioc)`,
          sighted: sql<boolean>`(sightings.sighted OR excluded.sighted)`,
          first_seen_at: least('sightings.first_seen_at', 'excluded.first_seen_at'),
          last_seen_at: greatest('sightings.last_seen_at', 'excluded.last_seen_at'),
          updated_at: sql<string>`excluded.updated_at`,
        }),
      )
      .execute();
  }
  return ids;
}
