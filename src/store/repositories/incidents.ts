import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { CursorPosition } from '../../domain/pagination.js';
import type { Db } from '../database.js';
import { writeJson, type Engine } from '../dialect.js';
import type { Database, IncidentRow } from '../schema.js';

export type IncidentSortField = 'created_at' | 'updated_at' | 'detected_at' | 'severity' | 'number';

export interface IncidentFilter {
  organisationId: string;
  /** Null means the viewer sees restricted incidents too (an administrator). */
  visibleToUserId: string | null;
  phases?: string[] | undefined;
  severities?: number[] | undefined;
  categories?: string[] | undefined;
  tags?: string[] | undefined;
  assigneeId?: string | undefined;
  open?: boolean | undefined;
  restricted?: boolean | undefined;
  detectedFrom?: string | undefined;
  detectedTo?: string | undefined;
  searchTerms?: string[] | undefined;
  number?: string | undefined;
}

export interface IncidentListQuery extends IncidentFilter {
  sort: IncidentSortField;
  direction: 'asc' | 'desc';
  after?: CursorPosition | undefined;
  limit: number;
}

type IncidentEb = ExpressionBuilder<Database, 'incidents'>;

/** Only members with an active role see a restricted incident; administrators pass null. */
export function visibleTo(eb: IncidentEb, userId: string | null, engine?: Engine): Expression<SqlBool> {
  if (userId === null) return sql<SqlBool>`1 = 1`;
  let membership = eb
    .selectFrom('incident_members')
    .select('incident_members.id')
    .whereRef('incident_members.incident_id', '=', 'incidents.id')
    .where('incident_members.user_id', '=', userId)
    .where('incident_members.released_at', 'is', null);
  // OFFSET 0 keeps PostgreSQL from hashing all of the viewer's memberships for every page: a per-row
  // index probe is far cheaper when only a page of rows is read (SQLite plans it that way already).
  if (engine === 'postgres') membership = membership.offset(0);
  return eb.or([eb('incidents.restricted', '=', false), eb.exists(membership)]);
}

function filterConditions(eb: IncidentEb, engine: Engine, f: IncidentFilter): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [eb('incidents.organisation_id', '=', f.organisationId), visibleTo(eb, f.visibleToUserId, engine)];
  if (f.phases?.length) conditions.push(eb('incidents.phase', 'in', f.phases));
  if (f.severities?.length) conditions.push(eb('incidents.severity', 'in', f.severities));
  if (f.categories?.length) conditions.push(eb('incidents.category', 'in', f.categories));
  if (f.open === true) conditions.push(eb('incidents.phase', '!=', 'closed'));
  if (f.open === false) conditions.push(eb('incidents.phase', '=', 'closed'));
  if (f.restricted !== undefined) conditions.push(eb('incidents.restricted', '=', f.restricted));
  if (f.detectedFrom) conditions.push(eb('incidents.detected_at', '>=', f.detectedFrom));
  if (f.detectedTo) conditions.push(eb('incidents.detected_at', '<', f.detectedTo));
  for (const tag of f.tags ?? []) {
    conditions.push(
      eb.exists(eb.selectFrom('incident_tags').select('incident_tags.tag').whereRef('incident_tags.incident_id', '=', 'incidents.id').where('incident_tags.tag', '=', tag)),
    );
  }
  if (f.assigneeId) {
    conditions.push(
      eb.exists(
        eb
          .selectFrom('incident_members')
          .select('incident_members.id')
          .whereRef('incident_members.incident_id', '=', 'incidents.id')
          .where('incident_members.user_id', '=', f.assigneeId)
          .where('incident_members.released_at', 'is', null),
      ),
    );
  }
  const textConditions: Expression<SqlBool>[] = [];
  if (f.number) textConditions.push(eb('incidents.number', '=', f.number));
  if (f.searchTerms?.length) {
    if (engine === 'postgres') {
      const tsquery = f.searchTerms.map((t) => `${t}:*`).join(' & ');
      textConditions.push(sql<SqlBool>`incidents.search_vector @@ to_tsquery('simple', ${tsquery})`);
    } else {
      const match = f.searchTerms.map((t) => `"${t}"*`).join(' ');
      textConditions.push(sql<SqlBool>`incidents.rowid IN (SELECT rowid FROM incidents_fts WHERE incidents_fts MATCH ${match})`);
    }
  }
  if (textConditions.length) conditions.push(eb.or(textConditions));
  return conditions;
}

/** Keyset pagination over (sort field, id); fetches one extra row to know whether a next page exists. */
export async function listIncidents(db: Db, engine: Engine, q: IncidentListQuery): Promise<IncidentRow[]> {
  const column = `incidents.${q.sort}` as const;
  const cmp = q.direction === 'desc' ? '<' : '>';
  let query = db
    .selectFrom('incidents')
    .selectAll('incidents')
    .where((eb) => eb.and(filterConditions(eb, engine, q)));
  if (q.after) {
    const { value, id } = q.after;
    query = query.where((eb) => eb.or([eb(column, cmp, value as never), eb.and([eb(column, '=', value as never), eb('incidents.id', cmp, id)])]));
  }
  return query.orderBy(column, q.direction).orderBy('incidents.id', q.direction).limit(q.limit + 1).execute();
}

export async function countIncidents(db: Db, engine: Engine, f: IncidentFilter): Promise<number> {
  const row = await db
    .selectFrom('incidents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.and(filterConditions(eb, engine, f)))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findIncident(db: Db, organisationId: string, id: string, visibleToUserId: string | null): Promise<IncidentRow | undefined> {
  return db
    .selectFrom('incidents')
    .selectAll('incidents')
    .where('incidents.organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('incidents.id', '=', id), eb('incidents.number', '=', id.toUpperCase())]))
    .where((eb) => visibleTo(eb, visibleToUserId))
    .executeTakeFirst();
}

/**
 * Takes the incident's row lock for the rest of the transaction (PostgreSQL), so its version check,
 * timeline sequence and audit entry are decided by one writer at a time. SQLite has one writer anyway.
 */
export async function lockIncident(db: Db, engine: Engine, organisationId: string, id: string): Promise<IncidentRow | undefined> {
  let query = db.selectFrom('incidents').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id);
  if (engine === 'postgres') query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function insertIncident(db: Db, row: IncidentRow, tags: string[]): Promise<void> {
  await db.insertInto('incidents').values({ ...row, tags: writeJson(tags) }).execute();
  if (tags.length) {
    await db
      .insertInto('incident_tags')
      .values(tags.map((tag) => ({ incident_id: row.id, organisation_id: row.organisation_id, tag })))
      .execute();
  }
}

/** Writes the changed columns and bumps the version; returns false when the version did not match. */
export async function updateIncident(db: Db, id: string, expectedVersion: number, changes: Partial<IncidentRow>, tags?: string[]): Promise<boolean> {
  const values: Partial<IncidentRow> = { ...changes, version: expectedVersion + 1 };
  if (tags) values.tags = writeJson(tags);
  const result = await db.updateTable('incidents').set(values).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  if (tags) {
    const existing = await db.selectFrom('incidents').select('organisation_id').where('id', '=', id).executeTakeFirstOrThrow();
    await db.deleteFrom('incident_tags').where('incident_id', '=', id).execute();
    if (tags.length) {
      await db
        .insertInto('incident_tags')
        .values(tags.map((tag) => ({ incident_id: id, organisation_id: existing.organisation_id, tag })))
        .execute();
    }
  }
  return true;
}

/** Next value of a per-organisation counter (incident numbers per year). */
export async function nextCounterValue(db: Db, organisationId: string, name: string, period: string): Promise<number> {
  const updated = await db
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('organisation_id', '=', organisationId)
    .where('name', '=', name)
    .where('period', '=', period)
    .returning('value')
    .executeTakeFirst();
  if (updated) return updated.value;
  await db
    .insertInto('counters')
    .values({ organisation_id: organisationId, name, period, value: 1 })
    .onConflict((oc) => oc.columns(['organisation_id', 'name', 'period']).doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
    .execute();
  const row = await db
    .selectFrom('counters')
    .select('value')
    .where('organisation_id', '=', organisationId)
    .where('name', '=', name)
    .where('period', '=', period)
    .executeTakeFirstOrThrow();
  return row.value;
}

export async function insertPhaseChange(db: Db, row: Database['phase_changes']): Promise<void> {
  await db.insertInto('phase_changes').values(row).execute();
}

export async function listPhaseChanges(db: Db, incidentId: string) {
  return db.selectFrom('phase_changes').selectAll().where('incident_id', '=', incidentId).orderBy('at').orderBy('id').execute();
}
