import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { CursorPosition } from '../../domain/pagination.js';
import type { Db } from '../database.js';
import { readJson, writeJson, type Engine } from '../dialect.js';
import type { Database, RiskHistoryRow, RiskRow } from '../schema.js';

/** Columns ordered in the register; `residual_rank` is the residual level's position in the matrix (given by the caller). */
export type RiskSortField = 'residual_level' | 'number' | 'next_review_at' | 'annual_loss_mean' | 'updated_at';

export interface RiskFilter {
  organisationId: string;
  statuses?: string[] | undefined;
  ownerId?: string | undefined;
  categories?: string[] | undefined;
  residualLevels?: string[] | undefined;
  inherentLevels?: string[] | undefined;
  overAppetite?: boolean | undefined;
  /** A heat-map cell: the likelihood and impact, inherent or residual (as scored). */
  cell?: { basis: 'inherent' | 'residual'; likelihood: string; impact: string } | undefined;
  assetId?: string | undefined;
  /** next_review_at at or before this instant. */
  reviewDueBy?: string | undefined;
  /** Full-text: every term as a word prefix, over number, title and description (src/domain/search.ts). */
  searchTerms?: string[] | undefined;
  /** An exact number (RISK-0007). */
  number?: string | undefined;
}

export interface RiskListQuery extends RiskFilter {
  sort: RiskSortField;
  direction: 'asc' | 'desc';
  /** For sort=residual_level: level ids lowest first, so the order follows the matrix and not the alphabet. */
  levelOrder: string[];
  after?: CursorPosition | undefined;
  limit: number;
}

type RiskEb = ExpressionBuilder<Database, 'risks'>;

function filterConditions(eb: RiskEb, engine: Engine, f: RiskFilter): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [eb('risks.organisation_id', '=', f.organisationId)];
  if (f.statuses?.length) conditions.push(eb('risks.status', 'in', f.statuses));
  if (f.ownerId) conditions.push(eb('risks.owner_id', '=', f.ownerId));
  if (f.categories?.length) conditions.push(eb('risks.category', 'in', f.categories));
  if (f.residualLevels?.length) conditions.push(eb('risks.residual_level', 'in', f.residualLevels));
  if (f.inherentLevels?.length) conditions.push(eb('risks.inherent_level', 'in', f.inherentLevels));
  if (f.overAppetite !== undefined) conditions.push(eb('risks.over_appetite', '=', f.overAppetite));
  if (f.cell?.basis === 'inherent') {
    conditions.push(eb('risks.inherent_likelihood', '=', f.cell.likelihood), eb('risks.inherent_impact', '=', f.cell.impact));
  } else if (f.cell) {
    conditions.push(eb('risks.scored_residual_likelihood', '=', f.cell.likelihood), eb('risks.scored_residual_impact', '=', f.cell.impact));
  }
  if (f.assetId) {
    conditions.push(eb.exists(eb.selectFrom('risk_assets').select('risk_assets.risk_id').whereRef('risk_assets.risk_id', '=', 'risks.id').where('risk_assets.asset_id', '=', f.assetId)));
  }
  if (f.reviewDueBy) conditions.push(eb('risks.next_review_at', '<=', f.reviewDueBy), eb('risks.status', '!=', 'closed'));
  const textConditions: Expression<SqlBool>[] = [];
  if (f.number) textConditions.push(eb('risks.number', '=', f.number));
  if (f.searchTerms?.length) {
    if (engine === 'postgres') {
      const tsquery = f.searchTerms.map((t) => `${t}:*`).join(' & ');
      textConditions.push(sql<SqlBool>`risks.search_vector @@ to_tsquery('simple', ${tsquery})`);
    } else {
      const match = f.searchTerms.map((t) => `"${t}"*`).join(' ');
      textConditions.push(sql<SqlBool>`risks.rowid IN (SELECT rowid FROM risks_fts WHERE risks_fts MATCH ${match})`);
    }
  }
  if (textConditions.length) conditions.push(eb.or(textConditions));
  return conditions;
}

/**
 * Keyset pagination over (sort key, id), the residual level's key being its rank in the matrix;
 * fetches one extra row to know whether a next page exists. Rows without a value for the sort key
 * (no annual loss yet) come last in either direction.
 */
export async function listRisks(db: Db, engine: Engine, q: RiskListQuery): Promise<RiskRow[]> {
  const cmp = q.direction === 'desc' ? '<' : '>';
  const want = q.limit + 1;
  // Two steps: the page's ids first (often from an index alone), then those rows, so the sort never
  // carries whole rows of every matching risk. Risks without an annual loss come after the others in
  // either direction: a second query, so the first one keeps to the index.
  const base = () =>
    db
      .selectFrom('risks')
      .select('risks.id')
      .where((eb) => eb.and(filterConditions(eb, engine, q)));
  const ids: string[] = [];
  const after = q.after;
  if (q.sort === 'residual_level') {
    // Level by level, highest first when descending: each step reads (organisation, level, id) in
    // index order, so no request sorts the whole register. Unknown levels (rank -1) come lowest.
    const ranks = [-1, ...q.levelOrder.map((_, rank) => rank)];
    if (q.direction === 'desc') ranks.reverse();
    for (const rank of ranks) {
      if (ids.length >= want) break;
      if (after && typeof after.value === 'number' && (q.direction === 'desc' ? rank > after.value : rank < after.value)) continue;
      let query = base();
      query = rank < 0 ? (q.levelOrder.length ? query.where('risks.residual_level', 'not in', q.levelOrder) : query) : query.where('risks.residual_level', '=', q.levelOrder[rank]!);
      if (after && after.value === rank) query = query.where('risks.id', cmp, after.id);
      const rows = await query.orderBy('risks.id', q.direction).limit(want - ids.length).execute();
      ids.push(...rows.map((r) => r.id));
    }
  } else if (!(after && after.value === null)) {
    let query = base();
    if (q.sort === 'annual_loss_mean') query = query.where('risks.annual_loss_mean', 'is not', null);
    if (after) {
      query = query.where((eb) => {
        const key = eb.ref(`risks.${q.sort}`) as Expression<any>;
        return eb.or([eb(key, cmp, after.value), eb.and([eb(key, '=', after.value), eb('risks.id', cmp, after.id)])]);
      });
    }
    const rows = await query.orderBy(`risks.${q.sort}`, q.direction).orderBy('risks.id', q.direction).limit(want).execute();
    ids.push(...rows.map((r) => r.id));
  }
  if (q.sort === 'annual_loss_mean' && ids.length < want) {
    let query = base().where('risks.annual_loss_mean', 'is', null);
    if (after && after.value === null) query = query.where('risks.id', cmp, after.id);
    const rows = await query.orderBy('risks.id', q.direction).limit(want - ids.length).execute();
    ids.push(...rows.map((r) => r.id));
  }
  if (ids.length === 0) return [];
  const rows = new Map((await db.selectFrom('risks').selectAll().where('id', 'in', ids).execute()).map((r) => [r.id, r]));
  return ids.flatMap((id) => rows.get(id) ?? []);
}

/** Risks per (likelihood, impact) pair, inherent or residual as scored. */
export async function countRisksByCell(db: Db, organisationId: string, basis: 'inherent' | 'residual'): Promise<Array<{ likelihood: string | null; impact: string | null; n: number }>> {
  const [likelihood, impact] =
    basis === 'inherent' ? (['risks.inherent_likelihood', 'risks.inherent_impact'] as const) : (['risks.scored_residual_likelihood', 'risks.scored_residual_impact'] as const);
  const rows = await db
    .selectFrom('risks')
    .select([`${likelihood} as likelihood`, `${impact} as impact`])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('risks.organisation_id', '=', organisationId)
    .where('risks.status', '!=', 'closed')
    .groupBy([likelihood, impact])
    .execute();
  return rows.map((r) => ({ likelihood: r.likelihood, impact: r.impact, n: Number(r.n) }));
}

/** By id or by number (`RISK-0007`). */
export async function findRisk(db: Db, organisationId: string, idOrNumber: string): Promise<RiskRow | undefined> {
  return db
    .selectFrom('risks')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('id', '=', idOrNumber), eb('number', '=', idOrNumber.toUpperCase())]))
    .executeTakeFirst();
}

/** Takes the risk's row lock for the rest of the transaction on PostgreSQL (SQLite has one writer). */
export async function lockRisk(db: Db, engine: Engine, organisationId: string, idOrNumber: string): Promise<RiskRow | undefined> {
  let query = db
    .selectFrom('risks')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('id', '=', idOrNumber), eb('number', '=', idOrNumber.toUpperCase())]));
  if (engine === 'postgres') query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Risks to re-score: the given ids, or every risk of the organisation. */
export async function risksForScoring(db: Db, organisationId: string, ids: string[] | 'all'): Promise<RiskRow[]> {
  if (ids !== 'all' && ids.length === 0) return [];
  let query = db.selectFrom('risks').selectAll().where('organisation_id', '=', organisationId);
  if (ids !== 'all') query = query.where('id', 'in', ids);
  return query.orderBy('id').execute();
}

export type RiskInsert = Omit<RiskRow, 'treatment_details' | 'techniques' | 'playbooks' | 'tags' | 'fair_inputs'> & {
  treatment_details: unknown;
  techniques: string[];
  playbooks: unknown[];
  tags: string[];
  fair_inputs: unknown;
};

const JSON_COLUMNS = new Set(['treatment_details', 'techniques', 'playbooks', 'tags', 'fair_inputs']);

function toColumns(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    out[key] = JSON_COLUMNS.has(key) && value !== null && value !== undefined ? writeJson(value) : value;
  }
  return out;
}

export async function insertRisk(db: Db, row: RiskInsert): Promise<void> {
  await db.insertInto('risks').values(toColumns(row) as unknown as RiskRow).execute();
}

/** Many at once (benchmarks, imports); chunked to stay under the engines' parameter limits. */
export async function insertRisks(db: Db, rows: RiskInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db.insertInto('risks').values(rows.slice(i, i + 500).map((r) => toColumns(r) as unknown as RiskRow)).execute();
  }
}

/** Writes the changed columns and bumps the version; false when the version did not match. */
export async function updateRisk(db: Db, id: string, expectedVersion: number, changes: Record<string, unknown>): Promise<boolean> {
  const result = await db
    .updateTable('risks')
    .set({ ...toColumns(changes), version: expectedVersion + 1 } as Partial<RiskRow>)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceRiskAssets(db: Db, organisationId: string, riskId: string, assetIds: string[]): Promise<void> {
  await db.deleteFrom('risk_assets').where('risk_id', '=', riskId).execute();
  if (assetIds.length) await db.insertInto('risk_assets').values(assetIds.map((asset_id) => ({ organisation_id: organisationId, risk_id: riskId, asset_id }))).execute();
}

/** Which of these asset ids exist in the organisation (retired ones included). */
export async function existingAssetIds(db: Db, organisationId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('assets').select('id').where('organisation_id', '=', organisationId).where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export async function listRiskAssets(db: Db, riskIds: string[]): Promise<Array<{ risk_id: string; id: string; name: string; kind: string }>> {
  if (riskIds.length === 0) return [];
  return db
    .selectFrom('risk_assets')
    .innerJoin('assets', 'assets.id', 'risk_assets.asset_id')
    .select(['risk_assets.risk_id', 'assets.id', 'assets.name', 'assets.kind'])
    .where('risk_assets.risk_id', 'in', riskIds)
    .orderBy('assets.name')
    .execute();
}

/** The controls risks rely on, with what residual scoring and the risk page need. */
export async function listRiskControls(db: Db, riskIds: string[]) {
  if (riskIds.length === 0) return [];
  return db
    .selectFrom('risk_controls')
    .innerJoin('controls', 'controls.id', 'risk_controls.control_id')
    .select([
      'risk_controls.risk_id',
      'risk_controls.control_id',
      'controls.ref',
      'controls.title',
      'controls.implementation_status',
      'controls.effectiveness',
      'risk_controls.status',
      'risk_controls.owner_id',
      'risk_controls.due_at',
      'risk_controls.note',
    ])
    .where('risk_controls.risk_id', 'in', riskIds)
    .orderBy('controls.ref')
    .execute();
}

/** Relied-on controls for scoring, of every risk of the organisation or of some. */
export async function listScoringControls(db: Db, organisationId: string, riskIds: string[] | 'all') {
  if (riskIds !== 'all' && riskIds.length === 0) return [];
  let query = db
    .selectFrom('risk_controls')
    .innerJoin('controls', 'controls.id', 'risk_controls.control_id')
    .select(['risk_controls.risk_id', 'controls.implementation_status', 'controls.effectiveness'])
    .where('risk_controls.organisation_id', '=', organisationId);
  if (riskIds !== 'all') query = query.where('risk_controls.risk_id', 'in', riskIds);
  return query.execute();
}

/** The newest finished simulation result per risk (its loss exceedance curve decides the tolerance check). */
export async function latestSimulationResults(db: Db, organisationId: string, riskIds: string[] | 'all'): Promise<Map<string, { id: string; result: unknown; created_at: string; finished_at: string | null; iterations: number; seed: number }>> {
  if (riskIds !== 'all' && riskIds.length === 0) return new Map();
  let query = db
    .selectFrom('simulations')
    .select(['id', 'risk_id', 'result', 'created_at', 'finished_at', 'iterations', 'seed'])
    .where('organisation_id', '=', organisationId)
    .where('risk_id', 'is not', null)
    .where('result', 'is not', null);
  if (riskIds !== 'all') query = query.where('risk_id', 'in', riskIds);
  const rows = await query.orderBy('created_at').orderBy('id').execute();
  const latest = new Map<string, { id: string; result: unknown; created_at: string; finished_at: string | null; iterations: number; seed: number }>();
  for (const row of rows) latest.set(row.risk_id!, { id: row.id, result: readJson(row.result), created_at: row.created_at, finished_at: row.finished_at, iterations: Number(row.iterations), seed: Number(row.seed) });
  return latest;
}

export type RiskHistoryInsert = Omit<RiskHistoryRow, 'changes' | 'source'> & { changes: unknown; source: unknown };

export async function insertRiskHistory(db: Db, rows: RiskHistoryInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('risk_history')
      .values(rows.slice(i, i + 500).map((r) => ({ ...r, changes: writeJson(r.changes), source: r.source === null || r.source === undefined ? null : writeJson(r.source) })))
      .execute();
  }
}

/** A risk's history, oldest first, keyset-paged on (at, id). */
export async function listRiskHistory(db: Db, riskId: string, after: CursorPosition | undefined, limit: number): Promise<RiskHistoryRow[]> {
  let query = db.selectFrom('risk_history').selectAll().where('risk_id', '=', riskId);
  if (after) {
    const at = String(after.value);
    query = query.where((eb) => eb.or([eb('at', '>', at), eb.and([eb('at', '=', at), eb('id', '>', after.id)])]));
  }
  return query.orderBy('at').orderBy('id').limit(limit + 1).execute();
}

/** Every history entry of the organisation up to an instant, for the trend (scores after each change). */
export async function listHistoryScores(db: Db, organisationId: string, until: string) {
  return db
    .selectFrom('risk_history')
    .select(['risk_id', 'at', 'action', 'residual_level', 'annual_loss_mean', 'changes'])
    .where('organisation_id', '=', organisationId)
    .where('at', '<=', until)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** The dashboard's lists: open risks ordered by residual rank then annual loss. */
export async function listTopRisks(db: Db, organisationId: string, levelOrder: string[], limit: number): Promise<RiskRow[]> {
  const cases = levelOrder.map((level, rank) => sql`WHEN ${level} THEN ${rank}`);
  return db
    .selectFrom('risks')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('status', '!=', 'closed')
    .orderBy(sql`(CASE residual_level ${sql.join(cases, sql` `)} ELSE -1 END)`, 'desc')
    .orderBy(sql`coalesce(annual_loss_mean, -1)`, 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function listRisksWhere(
  db: Db,
  organisationId: string,
  where: { overAppetite?: boolean; reviewDueBefore?: string; treatment?: string },
  limit: number,
): Promise<RiskRow[]> {
  let query = db.selectFrom('risks').selectAll().where('organisation_id', '=', organisationId).where('status', '!=', 'closed');
  if (where.overAppetite !== undefined) query = query.where('over_appetite', '=', where.overAppetite);
  if (where.reviewDueBefore) query = query.where('next_review_at', '<', where.reviewDueBefore);
  if (where.treatment) query = query.where('treatment', '=', where.treatment);
  return query.orderBy('next_review_at').orderBy('id').limit(limit).execute();
}

/** Mitigations past their due date on open risks, oldest first. */
export async function listOverdueRiskControls(db: Db, organisationId: string, now: string, limit: number) {
  return db
    .selectFrom('risk_controls')
    .innerJoin('risks', 'risks.id', 'risk_controls.risk_id')
    .select(['risk_controls.risk_id', 'risk_controls.control_id', 'risk_controls.due_at'])
    .where('risk_controls.organisation_id', '=', organisationId)
    .where('risk_controls.status', '!=', 'done')
    .where('risk_controls.due_at', 'is not', null)
    .where('risk_controls.due_at', '<', now)
    .where('risks.status', '!=', 'closed')
    .orderBy('risk_controls.due_at')
    .limit(limit)
    .execute();
}

export async function findRisksByIds(db: Db, organisationId: string, ids: string[]): Promise<RiskRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('risks').selectAll().where('organisation_id', '=', organisationId).where('id', 'in', ids).execute();
}
