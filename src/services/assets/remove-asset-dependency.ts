import { notFound } from '../../domain/errors.js';
import { deleteAssetDependency, findAsset } from '../../store/repositories/assets.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';

export async function removeAssetDependency(ctx: ServiceContext, assetId: string, dependsOnId: string): Promise<void> {
  authorize(ctx.actor, 'risk.write');
  await runInTransaction(ctx, async (uow) => {
    const asset = await findAsset(uow.db, uow.actor.organisationId, assetId, true);
    if (!asset) throw notFound(`Asset ${assetId}`);
    if (!(await deleteAssetDependency(uow.db, assetId, dependsOnId))) throw notFound(`A dependency of ${asset.name} on ${dependsOnId}`);
    await uow.audit('asset.dependency_removed', { type: 'asset', id: assetId }, { depends_on_id: dependsOnId });
    uow.emit({ type: 'asset.updated', entity_id: assetId });
  });
}
