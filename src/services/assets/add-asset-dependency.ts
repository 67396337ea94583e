import { dependencyCycle } from '../../domain/assets.js';
import { conflict, invalid, notFound } from '../../domain/errors.js';
import { findAsset, findAssetDependency, insertAssetDependency, listAssetDependencyEdges, lockAssetGraph } from '../../store/repositories/assets.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';

export interface DependencyInput {
  depends_on_id: string;
  note?: string | undefined;
}

/**
 * Records that an asset depends on another. Dependencies never form a cycle: a dependency that
 * would close one is refused (409) with the chain of asset names it would make.
 */
export async function addAssetDependency(ctx: ServiceContext, assetId: string, input: DependencyInput): Promise<{ asset_id: string; depends_on_id: string; note: string; created_at: string; created_by: string }> {
  authorize(ctx.actor, 'risk.write');
  return runInTransaction(ctx, async (uow) => {
    const organisationId = uow.actor.organisationId;
    await lockAssetGraph(uow.db, uow.engine, organisationId);
    const asset = await findAsset(uow.db, organisationId, assetId);
    if (!asset) throw notFound(`Asset ${assetId}`);
    const target = await findAsset(uow.db, organisationId, input.depends_on_id);
    if (!target) throw invalid(`${input.depends_on_id} is not an asset of this organisation.`, [{ path: 'body.depends_on_id', message: 'unknown asset' }]);
    if (await findAssetDependency(uow.db, assetId, target.id)) throw conflict(`${asset.name} already depends on ${target.name}.`);
    const cycle = dependencyCycle(await listAssetDependencyEdges(uow.db, organisationId), assetId, target.id);
    if (cycle) {
      const names = new Map<string, string>([[asset.id, asset.name], [target.id, target.name]]);
      for (const id of cycle) if (!names.has(id)) names.set(id, (await findAsset(uow.db, organisationId, id))?.name ?? id);
      const chain = cycle.map((id) => names.get(id)!);
      throw conflict(`That would make a dependency cycle: ${chain.join(' → ')}.`, { cycle: cycle.map((id) => ({ id, name: names.get(id) })) });
    }
    const row = { organisation_id: organisationId, asset_id: assetId, depends_on_id: target.id, note: input.note ?? '', created_at: uow.now, created_by: uow.actor.userId };
    await insertAssetDependency(uow.db, row);
    await uow.audit('asset.dependency_added', { type: 'asset', id: assetId }, { depends_on_id: target.id, depends_on: target.name });
    uow.emit({ type: 'asset.updated', entity_id: assetId });
    const { organisation_id: _org, ...dependency } = row;
    return dependency;
  });
}
