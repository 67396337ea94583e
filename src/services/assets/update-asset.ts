import { notFound, stale } from '../../domain/errors.js';
import { normaliseTags } from '../../domain/incident.js';
import { writeJson } from '../../store/dialect.js';
import { findAsset, updateAsset as writeAsset } from '../../store/repositories/assets.js';
import type { AssetRow } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { toAssetRecord, type AssetRecord } from './asset-record.js';
import { checkAsset } from './check-asset.js';
import type { AssetInput } from './create-asset.js';

export type AssetChanges = Partial<AssetInput> & { retired?: boolean | undefined };

/** Edits an asset; needs the version the editor saw. The audit entry names the fields with before and after. */
export async function updateAsset(ctx: ServiceContext, id: string, expectedVersion: number, changes: AssetChanges): Promise<AssetRecord> {
  authorize(ctx.actor, 'risk.write');
  return runInTransaction(ctx, async (uow) => {
    const row = await findAsset(uow.db, uow.actor.organisationId, id, true);
    if (!row) throw notFound(`Asset ${id}`);
    const current = toAssetRecord(row);
    if (current.version !== expectedVersion) throw stale(current.version);
    await checkAsset(uow, { id, name: changes.name, criticality: changes.criticality, owner_id: changes.owner_id });
    const set: Partial<AssetRow> = {};
    const diff: Record<string, { before: unknown; after: unknown }> = {};
    const change = <K extends keyof AssetChanges>(field: K, after: unknown, stored: unknown = after) => {
      const before = current[field as keyof AssetRecord];
      if (JSON.stringify(before) === JSON.stringify(after)) return;
      diff[field] = { before, after };
      (set as Record<string, unknown>)[field] = stored;
    };
    if (changes.name !== undefined) change('name', changes.name);
    if (changes.kind !== undefined) change('kind', changes.kind);
    if (changes.description !== undefined) change('description', changes.description);
    if (changes.owner_id !== undefined) change('owner_id', changes.owner_id);
    if (changes.criticality !== undefined) change('criticality', changes.criticality);
    for (const field of ['data_classifications', 'jurisdictions', 'tags'] as const) {
      const value = changes[field];
      if (value === undefined) continue;
      const list = field === 'tags' ? normaliseTags(value) : [...new Set(value)];
      change(field, list, writeJson(list));
    }
    if (changes.retired !== undefined && changes.retired !== (current.retired_at !== null)) {
      const retiredAt = changes.retired ? uow.now : null;
      diff.retired_at = { before: current.retired_at, after: retiredAt };
      set.retired_at = retiredAt;
    }
    if (Object.keys(diff).length === 0) return current;
    const version = current.version + 1;
    if (!(await writeAsset(uow.db, id, current.version, { ...set, updated_at: uow.now, updated_by: uow.actor.userId, version }))) throw stale(current.version + 1);
    await uow.audit('asset.updated', { type: 'asset', id }, { changes: diff });
    uow.emit({ type: 'asset.updated', entity_id: id, version });
    return toAssetRecord((await findAsset(uow.db, uow.actor.organisationId, id))!);
  });
}
