import { conflict, stale } from '../../domain/errors.js';
import { toInstant } from '../../domain/time.js';
import { readJson, writeJson } from '../../store/dialect.js';
import { updateEvidenceItem } from '../../store/repositories/evidence-items.js';
import type { EvidenceItemRow } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { checkEvidenceMetadata, type EvidenceMetadata, type EvidenceMetadataInput } from './evidence-metadata.js';
import { toEvidenceRecord, type EvidenceRecord } from './evidence-record.js';
import { loadEvidenceForChange } from './load-evidence.js';

export type EvidenceChanges = EvidenceMetadataInput & { retain_until?: string | null | undefined };

/**
 * Edits an item's metadata at the version the editor saw (412 otherwise). The file, its hashes and the
 * holder are not metadata: they change only through storage and the custody log. Setting the
 * retention date is for those who manage evidence.
 */
export async function updateEvidence(ctx: ServiceContext, id: string, expectedVersion: number, changes: EvidenceChanges): Promise<EvidenceRecord> {
  authorize(ctx.actor, 'evidence.write');
  if (changes.retain_until !== undefined) authorize(ctx.actor, 'evidence.manage');
  return runInTransaction(ctx, async (uow) => {
    const { item, incident } = await loadEvidenceForChange(uow, id);
    const version = Number(item.version);
    if (version !== expectedVersion) throw stale(version);
    if (item.status === 'destroyed') throw conflict(`Evidence ${item.number} was destroyed; its record is kept as it was.`);
    const before = metadataOf(item);
    const defined = Object.fromEntries(Object.entries(changes).filter(([key, value]) => value !== undefined && key !== 'retain_until')) as Partial<EvidenceMetadata>;
    const after = await checkEvidenceMetadata(uow.db, uow.actor.organisationId, uow.now, { ...before, ...defined });
    const retainUntil = changes.retain_until === undefined ? item.retain_until : changes.retain_until === null ? null : toInstant(changes.retain_until);
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of Object.keys(after) as Array<keyof EvidenceMetadata>) {
      if (JSON.stringify(after[field]) !== JSON.stringify(before[field])) diff[field] = { from: before[field], to: after[field] };
    }
    if (retainUntil !== item.retain_until) diff.retain_until = { from: item.retain_until, to: retainUntil };
    if (Object.keys(diff).length === 0) return toEvidenceRecord(uow.db, item);

    const columns: Partial<EvidenceItemRow> = {
      kind: after.kind,
      title: after.title,
      description: after.description,
      source: after.source,
      asset_id: after.asset_id,
      collected_by: after.collected_by,
      collected_at: after.collected_at,
      acquisition_tool: after.acquisition_tool,
      acquisition_notes: after.acquisition_notes,
      tlp: after.tlp,
      tags: writeJson(after.tags),
      observable_ids: writeJson(after.observable_ids),
      serial_numbers: writeJson(after.serial_numbers),
      physical_location: after.physical_location,
      retain_until: retainUntil,
      updated_at: uow.now,
      updated_by: uow.actor.userId,
    };
    if (!(await updateEvidenceItem(uow.db, item.id, version, columns))) throw stale(version + 1);
    const row: EvidenceItemRow = { ...item, ...columns, version: version + 1 };
    await uow.audit('evidence.update', { type: 'evidence', id: item.id }, { incident_id: item.incident_id, number: item.number, version: row.version, changes: diff });
    uow.emit({ type: 'evidence.updated', incident_id: item.incident_id, restricted: incident.restricted, entity_id: item.id, version: row.version });
    return toEvidenceRecord(uow.db, row);
  });
}

function metadataOf(item: EvidenceItemRow): EvidenceMetadata {
  const json = (value: unknown) => readJson<string[]>(value);
  return {
    kind: item.kind as EvidenceMetadata['kind'],
    title: item.title,
    description: item.description,
    source: item.source,
    asset_id: item.asset_id,
    collected_by: item.collected_by,
    collected_at: item.collected_at,
    acquisition_tool: item.acquisition_tool,
    acquisition_notes: item.acquisition_notes,
    tlp: item.tlp as EvidenceMetadata['tlp'],
    tags: json(item.tags),
    observable_ids: json(item.observable_ids),
    serial_numbers: json(item.serial_numbers),
    physical_location: item.physical_location,
  };
}
