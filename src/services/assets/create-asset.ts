import type { AssetKind } from '../../domain/assets.js';
import { newId } from '../../domain/ids.js';
import { normaliseTags } from '../../domain/incident.js';
import { writeJson } from '../../store/dialect.js';
import { findAsset, insertAsset } from '../../store/repositories/assets.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { toAssetRecord, type AssetRecord } from './asset-record.js';
import { checkAsset } from './check-asset.js';

export interface AssetInput {
  name: string;
  kind: AssetKind;
  description?: string | undefined;
  owner_id?: string | null | undefined;
  criticality: string;
  data_classifications?: string[] | undefined;
  jurisdictions?: string[] | undefined;
  tags?: string[] | undefined;
}

const unique = (values: string[] | undefined) => [...new Set(values ?? [])];

export async function createAsset(ctx: ServiceContext, input: AssetInput): Promise<AssetRecord> {
  authorize(ctx.actor, 'risk.write');
  return runInTransaction(ctx, async (uow) => {
    await checkAsset(uow, input);
    const id = newId('asset');
    await insertAsset(uow.db, {
      id,
      organisation_id: uow.actor.organisationId,
      name: input.name,
      kind: input.kind,
      description: input.description ?? '',
      owner_id: input.owner_id ?? null,
      criticality: input.criticality,
      data_classifications: writeJson(unique(input.data_classifications)),
      jurisdictions: writeJson(unique(input.jurisdictions)),
      tags: writeJson(normaliseTags(input.tags ?? [])),
      retired_at: null,
      created_at: uow.now,
      created_by: uow.actor.userId,
      updated_at: uow.now,
      updated_by: uow.actor.userId,
      version: 1,
    });
    await uow.audit('asset.created', { type: 'asset', id }, { name: input.name, kind: input.kind, criticality: input.criticality });
    uow.emit({ type: 'asset.created', entity_id: id, version: 1 });
    return toAssetRecord((await findAsset(uow.db, uow.actor.organisationId, id))!);
  });
}
