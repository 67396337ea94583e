import { notFound } from '../../domain/errors.js';
import { assetNeighbours, findAsset, risksOfAsset, type AssetRisk, type LinkedAsset } from '../../store/repositories/assets.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { toAssetRecord, type AssetRecord } from './asset-record.js';

export interface AssetDetail extends AssetRecord {
  depends_on: LinkedAsset[];
  dependents: LinkedAsset[];
  risks: AssetRisk[];
}

/** One asset with what it depends on, what depends on it, and the risks that name it. */
export async function getAsset(ctx: ServiceContext, id: string): Promise<AssetDetail> {
  authorize(ctx.actor, 'risk.read');
  const db = ctx.database.db;
  const row = await findAsset(db, ctx.actor.organisationId, id);
  if (!row) throw notFound(`Asset ${id}`);
  const [neighbours, risks] = await Promise.all([assetNeighbours(db, id), risksOfAsset(db, id)]);
  return { ...toAssetRecord(row), ...neighbours, risks };
}
