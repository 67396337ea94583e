import { sql, type Expression, type SqlBool } from 'kysely';
import type { CursorPosition } from '../../domain/pagination.js';
import type { Db } from '../database.js';
import { engineOf, ilike, type Engine } from '../dialect.js';
import type { AssetDependencyRow, AssetRow } from '../schema.js';

export interface AssetFilter {
  organisationId: string;
  kinds?: string[] | undefined;
  criticalities?: string[] | undefined;
  classification?: string | undefined;
  q?: string | undefined;
  includeRetired?: boolean | undefined;
  after?: CursorPosition | undefined;
  limit: number;
}

/** Assets by name (then id), keyset-paged; fetches one extra row to know whether a next page exists. */
export async function listAssets(db: Db, engine: Engine, f: AssetFilter): Promise<AssetRow[]> {
  let query = db.selectFrom('assets').selectAll().where('organisation_id', '=', f.organisationId);
  if (!f.includeRetired) query = query.where('retired_at', 'is', null);
  if (f.kinds?.length) query = query.where('kind', 'in', f.kinds);
  if (f.criticalities?.length) query = query.where('criticality', 'in', f.criticalities);
  if (f.classification) {
    const wanted = f.classification;
    query = query.where(
      engine === 'postgres'
        ? sql<SqlBool>`assets.data_classifications ? ${wanted}`
        : sql<SqlBool>`EXISTS (SELECT 1 FROM json_each(assets.data_classifications) WHERE json_each.value = ${wanted})`,
    );
  }
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([sql<SqlBool>`${ilike(engine, eb.ref('name'), pattern)} ESCAPE '\\'`, sql<SqlBool>`${ilike(engine, eb.ref('description'), pattern)} ESCAPE '\\'`] as Expression<SqlBool>[]),
    );
  }
  if (f.after) {
    const { value, id } = f.after;
    query = query.where((eb) => eb.or([eb('name', '>', String(value)), eb.and([eb('name', '=', String(value)), eb('id', '>', id)])]));
  }
  return query.orderBy('name').orderBy('id').limit(f.limit + 1).execute();
}

export async function findAsset(db: Db, organisationId: string, id: string, forUpdate = false): Promise<AssetRow | undefined> {
  let query = db.selectFrom('assets').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id);
  if (forUpdate && engineOf(db) === 'postgres') query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findAssetByName(db: Db, organisationId: string, name: string): Promise<AssetRow | undefined> {
  return db.selectFrom('assets').selectAll().where('organisation_id', '=', organisationId).where('name', '=', name).executeTakeFirst();
}

export async function insertAsset(db: Db, row: AssetRow): Promise<void> {
  await db.insertInto('assets').values(row).execute();
}

/** Writes the change when the row is still at the expected version; false when someone else got there first. */
export async function updateAsset(db: Db, id: string, expectedVersion: number, changes: Partial<Omit<AssetRow, 'id' | 'organisation_id'>>): Promise<boolean> {
  const result = await db.updateTable('assets').set(changes).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Serialises changes to the organisation's dependency graph (PostgreSQL; SQLite has one writer anyway), so two racing additions cannot close a cycle together. */
export async function lockAssetGraph(db: Db, engine: Engine, organisationId: string): Promise<void> {
  if (engine === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${`asset-graph:${organisationId}`}))`.execute(db);
}

/** Every dependency edge of the organisation, for the cycle check (a few thousand at most). */
export async function listAssetDependencyEdges(db: Db, organisationId: string): Promise<Array<{ asset_id: string; depends_on_id: string }>> {
  return db.selectFrom('asset_dependencies').select(['asset_id', 'depends_on_id']).where('organisation_id', '=', organisationId).execute();
}

export interface LinkedAsset {
  id: string;
  name: string;
  kind: string;
  criticality: string;
  retired_at: string | null;
  note: string;
}

/** What the asset depends on, and what depends on it, by name. */
export async function assetNeighbours(db: Db, assetId: string): Promise<{ depends_on: LinkedAsset[]; dependents: LinkedAsset[] }> {
  const columns = ['assets.id', 'assets.name', 'assets.kind', 'assets.criticality', 'assets.retired_at', 'asset_dependencies.note'] as const;
  const [dependsOn, dependents] = await Promise.all([
    db.selectFrom('asset_dependencies').innerJoin('assets', 'assets.id', 'asset_dependencies.depends_on_id').select(columns).where('asset_dependencies.asset_id', '=', assetId).orderBy('assets.name').execute(),
    db.selectFrom('asset_dependencies').innerJoin('assets', 'assets.id', 'asset_dependencies.asset_id').select(columns).where('asset_dependencies.depends_on_id', '=', assetId).orderBy('assets.name').execute(),
  ]);
  return { depends_on: dependsOn, dependents };
}

export async function findAssetDependency(db: Db, assetId: string, dependsOnId: string): Promise<AssetDependencyRow | undefined> {
  return db.selectFrom('asset_dependencies').selectAll().where('asset_id', '=', assetId).where('depends_on_id', '=', dependsOnId).executeTakeFirst();
}

export async function insertAssetDependency(db: Db, row: AssetDependencyRow): Promise<void> {
  await db.insertInto('asset_dependencies').values(row).execute();
}

export async function deleteAssetDependency(db: Db, assetId: string, dependsOnId: string): Promise<boolean> {
  const result = await db.deleteFrom('asset_dependencies').where('asset_id', '=', assetId).where('depends_on_id', '=', dependsOnId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface AssetRisk {
  id: string;
  number: string;
  title: string;
  status: string;
  residual_level: string;
}

/** The risks that name the asset, by number. */
export async function risksOfAsset(db: Db, assetId: string): Promise<AssetRisk[]> {
  return db
    .selectFrom('risk_assets')
    .innerJoin('risks', 'risks.id', 'risk_assets.risk_id')
    .select(['risks.id', 'risks.number', 'risks.title', 'risks.status', 'risks.residual_level'])
    .where('risk_assets.asset_id', '=', assetId)
    .orderBy('risks.number')
    .execute();
}
