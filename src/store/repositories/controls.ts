import { sql, type SqlBool } from 'kysely';
import type { Db } from '../database.js';
import { engineOf, ilike, type Engine } from '../dialect.js';
import type { ControlRow, RiskControlRow } from '../schema.js';

export interface ControlFilter {
  organisationId: string;
  /** A catalog id, or null for the organisation's custom controls. */
  catalogId?: string | null | undefined;
  family?: string | undefined;
  statuses?: string[] | undefined;
  q?: string | undefined;
  reliedOn?: boolean | undefined;
  afterId?: string | undefined;
  limit: number;
}

/** Controls in the order they were added (catalog order for an import), keyset-paged by id; one extra row tells whether a next page exists. */
export async function listControls(db: Db, engine: Engine, f: ControlFilter): Promise<ControlRow[]> {
  let query = db.selectFrom('controls').selectAll('controls').where('controls.organisation_id', '=', f.organisationId);
  if (f.catalogId === null) query = query.where('controls.catalog_id', 'is', null);
  else if (f.catalogId !== undefined) query = query.where('controls.catalog_id', '=', f.catalogId);
  if (f.family !== undefined) query = query.where('controls.family', '=', f.family);
  if (f.statuses?.length) query = query.where('controls.implementation_status', 'in', f.statuses);
  if (f.q) {
    const escaped = f.q.replace(/[\\%_]/g, (c) => `\\${c}`);
    query = query.where((eb) =>
      eb.or([
        sql<SqlBool>`${ilike(engine, eb.ref('controls.ref'), `${escaped}%`)} ESCAPE '\\'`,
        sql<SqlBool>`${ilike(engine, eb.ref('controls.title'), `%${escaped}%`)} ESCAPE '\\'`,
      ]),
    );
  }
  if (f.reliedOn !== undefined) {
    query = query.where((eb) => {
      const relied = eb.exists(eb.selectFrom('risk_controls').select('risk_controls.risk_id').whereRef('risk_controls.control_id', '=', 'controls.id'));
      return f.reliedOn ? relied : eb.not(relied);
    });
  }
  if (f.afterId) query = query.where('controls.id', '>', f.afterId);
  return query.orderBy('controls.id').limit(f.limit + 1).execute();
}

export async function findControl(db: Db, organisationId: string, id: string, forUpdate = false): Promise<ControlRow | undefined> {
  let query = db.selectFrom('controls').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id);
  if (forUpdate && engineOf(db) === 'postgres') query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findCustomControlByRef(db: Db, organisationId: string, ref: string): Promise<ControlRow | undefined> {
  return db.selectFrom('controls').selectAll().where('organisation_id', '=', organisationId).where('catalog_id', 'is', null).where('ref', '=', ref).executeTakeFirst();
}

export async function insertControl(db: Db, row: ControlRow): Promise<void> {
  await db.insertInto('controls').values(row).execute();
}

/** Writes the change when the row is still at the expected version; false otherwise. */
export async function updateControl(db: Db, id: string, expectedVersion: number, changes: Partial<Omit<ControlRow, 'id' | 'organisation_id'>>): Promise<boolean> {
  const result = await db.updateTable('controls').set(changes).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function catalogNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('control_catalogs').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findRiskControl(db: Db, riskId: string, controlId: string): Promise<RiskControlRow | undefined> {
  return db.selectFrom('risk_controls').selectAll().where('risk_id', '=', riskId).where('control_id', '=', controlId).executeTakeFirst();
}

export async function insertRiskControl(db: Db, row: RiskControlRow): Promise<void> {
  await db.insertInto('risk_controls').values(row).execute();
}

export async function updateRiskControl(db: Db, riskId: string, controlId: string, expectedVersion: number, changes: Partial<Omit<RiskControlRow, 'risk_id' | 'control_id' | 'organisation_id'>>): Promise<boolean> {
  const result = await db.updateTable('risk_controls').set(changes).where('risk_id', '=', riskId).where('control_id', '=', controlId).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteRiskControl(db: Db, riskId: string, controlId: string): Promise<void> {
  await db.deleteFrom('risk_controls').where('risk_id', '=', riskId).where('control_id', '=', controlId).execute();
}

export interface RelyingRisk {
  id: string;
  number: string;
  title: string;
  status: string;
  residual_level: string;
  link_status: string;
  link_owner_id: string | null;
  due_at: string | null;
  note: string;
}

/** The risks that rely on a control, by number. */
export async function risksRelyingOn(db: Db, controlId: string): Promise<RelyingRisk[]> {
  return db
    .selectFrom('risk_controls')
    .innerJoin('risks', 'risks.id', 'risk_controls.risk_id')
    .select(['risks.id', 'risks.number', 'risks.title', 'risks.status', 'risks.residual_level', 'risk_controls.status as link_status', 'risk_controls.owner_id as link_owner_id', 'risk_controls.due_at', 'risk_controls.note'])
    .where('risk_controls.control_id', '=', controlId)
    .orderBy('risks.number')
    .execute();
}

export async function riskIdsRelyingOn(db: Db, controlId: string): Promise<string[]> {
  return (await db.selectFrom('risk_controls').select('risk_id').where('control_id', '=', controlId).execute()).map((r) => r.risk_id);
}

export interface CoverageRow {
  risk_id: string;
  number: string;
  title: string;
  residual_level: string;
  control_id: string | null;
  ref: string | null;
  control_title: string | null;
  effectiveness: number | null;
}

/** Every risk that is not closed, once per control it relies on (once with nulls when it relies on none). */
export async function riskCoverageRows(db: Db, organisationId: string): Promise<CoverageRow[]> {
  return db
    .selectFrom('risks')
    .leftJoin('risk_controls', 'risk_controls.risk_id', 'risks.id')
    .leftJoin('controls', 'controls.id', 'risk_controls.control_id')
    .select(['risks.id as risk_id', 'risks.number', 'risks.title', 'risks.residual_level', 'controls.id as control_id', 'controls.ref', 'controls.title as control_title', 'controls.effectiveness'])
    .where('risks.organisation_id', '=', organisationId)
    .where('risks.status', '!=', 'closed')
    .orderBy('risks.number')
    .orderBy('controls.ref')
    .execute();
}

export interface ReliedOnControlRow {
  id: string;
  ref: string;
  title: string;
  implementation_status: string;
  effectiveness: number | null;
  risk_count: number;
}

/** Controls that risks which are not closed rely on, most relied on first. */
export async function reliedOnControls(db: Db, organisationId: string): Promise<ReliedOnControlRow[]> {
  const rows = await db
    .selectFrom('controls')
    .innerJoin('risk_controls', 'risk_controls.control_id', 'controls.id')
    .innerJoin('risks', 'risks.id', 'risk_controls.risk_id')
    .select((eb) => ['controls.id', 'controls.ref', 'controls.title', 'controls.implementation_status', 'controls.effectiveness', eb.fn.countAll<number>().as('risk_count')])
    .where('controls.organisation_id', '=', organisationId)
    .where('risks.status', '!=', 'closed')
    .groupBy(['controls.id', 'controls.ref', 'controls.title', 'controls.implementation_status', 'controls.effectiveness'])
    .orderBy('risk_count', 'desc')
    .orderBy('controls.ref')
    .orderBy('controls.id')
    .execute();
  return rows.map((r) => ({ ...r, risk_count: Number(r.risk_count), effectiveness: r.effectiveness === null ? null : Number(r.effectiveness) }));
}
