import { notFound } from '../../domain/errors.js';
import { findAsset, updateAsset } from '../../store/repositories/assets.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';

/**
 * Retires an asset rather than deleting it: risks that name it and its dependencies keep their
 * history; retired assets leave the list unless asked for. Retiring twice changes nothing.
 */
export async function retireAsset(ctx: ServiceContext, id: string): Promise<void> {
  authorize(ctx.actor, 'risk.write');
  await runInTransaction(ctx, async (uow) => {
    const row = await findAsset(uow.db, uow.actor.organisationId, id, true);
    if (!row) throw notFound(`Asset ${id}`);
    if (row.retired_at) return;
    const version = Number(row.version) + 1;
    await updateAsset(uow.db, id, Number(row.version), { retired_at: uow.now, updated_at: uow.now, updated_by: uow.actor.userId, version });
    await uow.audit('asset.retired', { type: 'asset', id }, { name: row.name });
    uow.emit({ type: 'asset.updated', entity_id: id, version });
  });
}
