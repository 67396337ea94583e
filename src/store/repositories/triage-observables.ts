import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../database.js';
import type { Engine } from '../dialect.js';
import type { Database } from '../schema.js';
import { visibleTo } from './incidents.js';

/** Observables as they appear on alerts, with each alert's flags, and how often the observable was seen anywhere. */
export async function observablesOnAlerts(db: Db, organisationId: string, alertIds: string[]) {
  if (!alertIds.length) return [];
  return db
    .selectFrom('sightings')
    .innerJoin('observables', 'observables.id', 'sightings.observable_id')
    .select([
      'sightings.subject_id as alert_id',
      'sightings.id as sighting_id',
      'observables.id as observable_id',
      'observables.type',
      'observables.value',
      'observables.ignore_similarity',
      'observables.sighting_count',
      'observables.first_seen_at',
      'observables.last_seen_at',
      'sightings.ioc',
      'sightings.sighted',
      'sightings.tlp',
      'sightings.tags',
      'sightings.note',
      'sightings.count',
    ])
    .where('sightings.organisation_id', '=', organisationId)
    .where('sightings.subject_type', '=', 'alert')
    .where('sightings.subject_id', 'in', alertIds)
    .orderBy('observables.type')
    .orderBy('observables.value')
    .execute();
}

/** Incidents (visible to the viewer) on which each of these observables was sighted, newest first, a few per observable. */
export async function incidentsSightingObservables(db: Db, engine: Engine, organisationId: string, observableIds: string[], visibleToUserId: string | null, perObservable = 5) {
  if (!observableIds.length) return [];
  const rows = await db
    .selectFrom('sightings')
    .innerJoin('incidents', 'incidents.id', 'sightings.subject_id')
    .select(['sightings.observable_id', 'incidents.id', 'incidents.number', 'incidents.title', 'incidents.phase', 'sightings.last_seen_at'])
    .where('sightings.organisation_id', '=', organisationId)
    .where('sightings.subject_type', '=', 'incident')
    .where('sightings.observable_id', 'in', observableIds)
    .where((eb) => visibleTo(eb as unknown as ExpressionBuilder<Database, 'incidents'>, visibleToUserId, engine))
    .orderBy('sightings.last_seen_at', 'desc')
    .execute();
  const taken = new Map<string, number>();
  return rows.filter((row) => {
    const n = taken.get(row.observable_id) ?? 0;
    taken.set(row.observable_id, n + 1);
    return n < perObservable;
  });
}

/**
 * Undoes what merging one alert added to an incident's observables: each sighting's count drops by
 * one, and sightings no other merge or person contributed to disappear. observables.sighting_count
 * stays the sum of its sightings' counts.
 */
export async function withdrawIncidentSightings(db: Db, organisationId: string, incidentId: string, observableIds: string[], now: string): Promise<number> {
  if (!observableIds.length) return 0;
  const scope = db
    .updateTable('sightings')
    .set((eb) => ({ count: eb('count', '-', 1), updated_at: now }))
    .where('organisation_id', '=', organisationId)
    .where('subject_type', '=', 'incident')
    .where('subject_id', '=', incidentId)
    .where('observable_id', 'in', observableIds);
  const touched = await scope.returning('observable_id').execute();
  const ids = touched.map((row) => row.observable_id);
  if (!ids.length) return 0;
  await db
    .updateTable('observables')
    .set({ sighting_count: sql<number>`CASE WHEN sighting_count > 0 THEN sighting_count - 1 ELSE 0 END`, updated_at: now })
    .where('id', 'in', ids)
    .execute();
  const removed = await db
    .deleteFrom('sightings')
    .where('subject_type', '=', 'incident')
    .where('subject_id', '=', incidentId)
    .where('observable_id', 'in', ids)
    .where('count', '<=', 0)
    .executeTakeFirst();
  return Number(removed.numDeletedRows);
}
