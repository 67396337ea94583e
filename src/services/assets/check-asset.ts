import { conflict, invalid } from '../../domain/errors.js';
import { findAssetByName } from '../../store/repositories/assets.js';
import { requireActiveUser } from '../members/require-active-user.js';
import { riskMatrixOf } from '../risks/risk-settings.js';
import type { UnitOfWork } from '../transaction.js';

/** The organisation's risk levels (its matrix, or SP 800-30's five): an asset's criticality is one of them. */
export async function criticalityLevels(uow: UnitOfWork): Promise<string[]> {
  return (await riskMatrixOf(uow.db, uow.actor.organisationId)).levels.map((l) => l.id);
}

/** The checks that need the database: a known criticality level, an active owner, a name not yet taken. */
export async function checkAsset(uow: UnitOfWork, asset: { id?: string; name?: string | undefined; criticality?: string | undefined; owner_id?: string | null | undefined }): Promise<void> {
  if (asset.criticality !== undefined) {
    const levels = await criticalityLevels(uow);
    if (!levels.includes(asset.criticality)) throw invalid(`"${asset.criticality}" is not a risk level of this organisation.`, [{ path: 'body.criticality', message: `one of ${levels.join(', ')}` }]);
  }
  if (asset.owner_id) await requireActiveUser(uow, asset.owner_id, 'body.owner_id');
  if (asset.name !== undefined) {
    const same = await findAssetByName(uow.db, uow.actor.organisationId, asset.name);
    if (same && same.id !== asset.id) throw conflict(`There is already an asset called "${asset.name}".`);
  }
}
