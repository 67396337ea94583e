import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { CursorPosition } from '../../domain/pagination.js';
import type { DatabaseHandle, Db } from '../database.js';
import { preparedQuery } from '../prepared-query.js';
import type { ObservableRow, SightingRow } from '../schema.js';

export { upsertObservablesAndSightings, type SightingUpsert } from './observable-upsert.js';

/** Who is looking: null userId sees restricted incidents (an administrator); alerts only with alert.read. */
export interface SightingViewer {
  userId: string | null;
  alerts: boolean;
}

export type SightingView = SightingRow & {
  observable_type: string;
  observable_value: string;
  ignore_similarity: boolean | number;
  incident_number: string | null;
  incident_title: string | null;
  incident_phase: string | null;
  incident_severity: number | null;
  alert_title: string | null;
  alert_source: string | null;
  alert_status: string | null;
  alert_severity: number | null;
};

// A probe of the member index per restricted incident met, as elsewhere in the store (incidents.ts,
// triage.ts): cheaper than reading all of a long-serving member's incidents for a page of sightings.
const member = (incident: RawBuilder<unknown>, userId: string) =>
  sql`EXISTS (SELECT 1 FROM incident_members m WHERE m.incident_id = ${incident} AND m.user_id = ${userId} AND m.released_at IS NULL)`;

/**
 * Need-to-know for sightings: one on an incident is as visible as the incident; one on an alert
 * needs alert.read and, when the alert went into an incident, that incident visible too.
 */
function sightingVisible(viewer: SightingViewer): RawBuilder<SqlBool> {
  const incidentOk = viewer.userId === null ? sql`1 = 1` : sql`(NOT incidents.restricted OR ${member(sql.ref('incidents.id'), viewer.userId)})`;
  const linkedOk =
    viewer.userId === null
      ? sql`1 = 1`
      : sql`(alerts.incident_id IS NULL OR EXISTS (SELECT 1 FROM incidents li WHERE li.id = alerts.incident_id AND (NOT li.restricted OR ${member(sql.ref('li.id'), viewer.userId)})))`;
  const alertOk = viewer.alerts ? sql`(sightings.subject_type = 'alert' AND alerts.id IS NOT NULL AND ${linkedOk})` : sql`1 = 0`;
  return sql<SqlBool>`((sightings.subject_type = 'incident' AND incidents.id IS NOT NULL AND ${incidentOk}) OR ${alertOk})`;
}

/** Sightings with the alert or incident each was seen on. */
function sightingsOnSubjects(db: Db) {
  return db
    .selectFrom('sightings')
    .leftJoin('incidents', (join) => join.onRef('incidents.id', '=', 'sightings.subject_id').on('sightings.subject_type', '=', 'incident'))
    .leftJoin('alerts', (join) => join.onRef('alerts.id', '=', 'sightings.subject_id').on('sightings.subject_type', '=', 'alert'))
    .selectAll('sightings')
    .select([
      'incidents.number as incident_number', 'incidents.title as incident_title', 'incidents.phase as incident_phase',
      'incidents.severity as incident_severity', 'alerts.title as alert_title', 'alerts.source as alert_source',
      'alerts.status as alert_status', 'alerts.severity as alert_severity',
    ]);
}

/** The same, with the observable each is of. */
function sightingsWithSubjects(db: Db) {
  return sightingsOnSubjects(db)
    .innerJoin('observables', 'observables.id', 'sightings.observable_id')
    .select(['observables.type as observable_type', 'observables.value as observable_value', 'observables.ignore_similarity']);
}

const observableByValue = preparedQuery<'one', { organisationId: string; type: string; value: string }, ObservableRow>((db, _shape, value) =>
  db.selectFrom('observables').selectAll().where('organisation_id', '=', value('organisationId')).where('type', '=', value('type')).where('value', '=', value('value')),
);

export async function findObservableByValue(handle: DatabaseHandle, organisationId: string, type: string, value: string): Promise<ObservableRow | undefined> {
  return (await observableByValue(handle, 'one', { organisationId, type, value }))[0];
}

export async function findObservable(db: Db, organisationId: string, id: string): Promise<ObservableRow | undefined> {
  return db.selectFrom('observables').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

/** Writes the changed columns and bumps the version; false when the version did not match. */
export async function updateObservable(db: Db, id: string, expectedVersion: number, changes: Partial<ObservableRow>): Promise<boolean> {
  const result = await db.updateTable('observables').set({ ...changes, version: expectedVersion + 1 }).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface SightingSummary {
  incidents: number;
  alerts: number;
  times_seen: number;
  first_seen_at: string | null;
  last_seen_at: string | null;
}

const instant = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

/** The viewer as a statement shape: who sees restricted incidents and whether alerts are shown change the SQL; the user is a value. */
type PageShape = `${'all' | 'member'}:${'alerts' | 'incidents'}:${'first' | 'after'}`;
type PageValues = { observableId: string; userId: string; limit: number; afterValue: string; afterId: string };
type SummaryColumns = { summary_incidents: number; summary_alerts: number; summary_times_seen: number; summary_first_seen_at: unknown; summary_last_seen_at: unknown };

type SubjectSighting = Omit<SightingView, 'observable_type' | 'observable_value' | 'ignore_similarity'>;

// Without the observable: the caller has just read it, and joining it again costs another index search.
const sightingsPage = preparedQuery<PageShape, PageValues, SubjectSighting & Partial<SummaryColumns>>((db, shape, value) => {
  const [sees, shows, page] = shape.split(':');
  const viewer: SightingViewer = { userId: sees === 'all' ? null : value('userId'), alerts: shows === 'alerts' };
  const query = sightingsOnSubjects(db).where('sightings.observable_id', '=', value('observableId')).where(sightingVisible(viewer));
  const ordered = (q: typeof query) => q.orderBy('sightings.last_seen_at', 'desc').orderBy('sightings.id', 'desc').limit(value('limit'));
  if (page === 'after') {
    const at = value('afterValue');
    return ordered(query.where((eb) => eb.or([eb('sightings.last_seen_at', '<', at), eb.and([eb('sightings.last_seen_at', '=', at), eb('sightings.id', '<', value('afterId'))])])));
  }
  // The first page carries the summary over every visible sighting: window aggregates, computed in the
  // same pass that joins and checks them, before the page is cut.
  return ordered(query.select([
    sql<number>`SUM(CASE WHEN sightings.subject_type = 'incident' THEN 1 ELSE 0 END) OVER ()`.as('summary_incidents'),
    sql<number>`SUM(CASE WHEN sightings.subject_type = 'alert' THEN 1 ELSE 0 END) OVER ()`.as('summary_alerts'),
    sql<number>`SUM(sightings.count) OVER ()`.as('summary_times_seen'),
    sql<unknown>`MIN(sightings.first_seen_at) OVER ()`.as('summary_first_seen_at'),
    sql<unknown>`MAX(sightings.last_seen_at) OVER ()`.as('summary_last_seen_at'),
  ]));
});

const pageShape = (viewer: SightingViewer, page: 'first' | 'after'): PageShape => `${viewer.userId === null ? 'all' : 'member'}:${viewer.alerts ? 'alerts' : 'incidents'}:${page}`;

/** The observable whose sightings are listed: what each sighting row says of it. */
export type SightedObservable = Pick<ObservableRow, 'id' | 'type' | 'value' | 'ignore_similarity'>;

function ofObservable<T extends SubjectSighting>(rows: T[], observable: SightedObservable): (T & SightingView)[] {
  for (const row of rows) Object.assign(row, { observable_type: observable.type, observable_value: observable.value, ignore_similarity: observable.ignore_similarity });
  return rows as (T & SightingView)[];
}

/**
 * The first page of an observable's sightings the viewer may see, most recently seen first (limit + 1
 * rows, to tell whether there is more), with the summary over all of them, in one statement.
 */
export async function firstSightingsOfObservable(handle: DatabaseHandle, observable: SightedObservable, viewer: SightingViewer, limit: number): Promise<{ rows: SightingView[]; summary: SightingSummary }> {
  const rows = ofObservable(await sightingsPage(handle, pageShape(viewer, 'first'), { observableId: observable.id, userId: viewer.userId ?? '', limit: limit + 1, afterValue: '', afterId: '' }), observable);
  const first = rows[0];
  const summary: SightingSummary = first
    ? { incidents: Number(first.summary_incidents ?? 0), alerts: Number(first.summary_alerts ?? 0), times_seen: Number(first.summary_times_seen ?? 0), first_seen_at: instant(first.summary_first_seen_at), last_seen_at: instant(first.summary_last_seen_at) }
    : { incidents: 0, alerts: 0, times_seen: 0, first_seen_at: null, last_seen_at: null };
  return { rows, summary };
}

/** The sightings of one observable the viewer may see, most recently seen first (keyset over last_seen_at, id). */
export async function sightingsOfObservable(handle: DatabaseHandle, observable: SightedObservable, viewer: SightingViewer, after: CursorPosition | undefined, limit: number): Promise<SightingView[]> {
  if (!after) return (await firstSightingsOfObservable(handle, observable, viewer, limit)).rows;
  const values = { observableId: observable.id, userId: viewer.userId ?? '', limit: limit + 1, afterValue: String(after.value), afterId: after.id };
  return ofObservable(await sightingsPage(handle, pageShape(viewer, 'after'), values), observable);
}

export async function summariseSightings(db: Db, observableId: string, viewer: SightingViewer): Promise<SightingSummary> {
  const row = await db
    .selectFrom('sightings')
    .leftJoin('incidents', (join) => join.onRef('incidents.id', '=', 'sightings.subject_id').on('sightings.subject_type', '=', 'incident'))
    .leftJoin('alerts', (join) => join.onRef('alerts.id', '=', 'sightings.subject_id').on('sightings.subject_type', '=', 'alert'))
    .select([
      sql<number>`SUM(CASE WHEN sightings.subject_type = 'incident' THEN 1 ELSE 0 END)`.as('incidents'),
      sql<number>`SUM(CASE WHEN sightings.subject_type = 'alert' THEN 1 ELSE 0 END)`.as('alerts'),
      sql<number>`SUM(sightings.count)`.as('times_seen'),
      sql<string | null>`MIN(sightings.first_seen_at)`.as('first_seen_at'),
      sql<string | null>`MAX(sightings.last_seen_at)`.as('last_seen_at'),
    ])
    .where('sightings.observable_id', '=', observableId)
    .where(sightingVisible(viewer))
    .executeTakeFirstOrThrow();
  return { incidents: Number(row.incidents ?? 0), alerts: Number(row.alerts ?? 0), times_seen: Number(row.times_seen ?? 0), first_seen_at: instant(row.first_seen_at), last_seen_at: instant(row.last_seen_at) };
}

/**
 * The observables on one alert or incident, each with how many OTHER visible subjects it appears on
 * ("seen before"; 0 when the analyst asked to ignore its similarity).
 */
export async function sightingsOfSubject(db: Db, subjectType: 'alert' | 'incident', subjectId: string, viewer: SightingViewer): Promise<(SightingView & { seen_elsewhere: number })[]> {
  const elsewhere = sql<number>`(SELECT COUNT(*) FROM sightings AS sightings
      LEFT JOIN incidents ON incidents.id = sightings.subject_id AND sightings.subject_type = 'incident'
      LEFT JOIN alerts ON alerts.id = sightings.subject_id AND sightings.subject_type = 'alert'
      WHERE sightings.observable_id = outer_s.observable_id AND NOT (sightings.subject_type = outer_s.subject_type AND sightings.subject_id = outer_s.subject_id)
      AND ${sightingVisible(viewer)})`;
  const rows = await db
    .selectFrom(sightingsWithSubjects(db).where('sightings.subject_type', '=', subjectType).where('sightings.subject_id', '=', subjectId).as('outer_s'))
    .selectAll('outer_s')
    .select(sql<number>`CASE WHEN outer_s.ignore_similarity THEN 0 ELSE ${elsewhere} END`.as('seen_elsewhere'))
    .orderBy('outer_s.observable_type')
    .orderBy('outer_s.observable_value')
    .execute();
  return rows.map((row) => ({ ...(row as unknown as SightingView), seen_elsewhere: Number(row.seen_elsewhere) }));
}

export async function findSighting(db: Db, organisationId: string, id: string): Promise<SightingView | undefined> {
  return sightingsWithSubjects(db).where('sightings.organisation_id', '=', organisationId).where('sightings.id', '=', id).executeTakeFirst() as Promise<SightingView | undefined>;
}

export async function updateSighting(db: Db, id: string, expectedVersion: number, changes: Partial<SightingRow>): Promise<boolean> {
  const result = await db.updateTable('sightings').set({ ...changes, version: expectedVersion + 1 }).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Removes a sighting and takes its count off the observable's total; the observable itself stays (its history). */
export async function deleteSighting(db: Db, sighting: SightingRow, now: string): Promise<void> {
  await db.deleteFrom('sightings').where('id', '=', sighting.id).execute();
  await db
    .updateTable('observables')
    .set((eb) => ({ sighting_count: eb('sighting_count', '-', sighting.count), updated_at: now }))
    .where('id', '=', sighting.observable_id)
    .execute();
}
