import { invalid, type FieldProblem } from '../../domain/errors.js';
import { EVIDENCE_KINDS, type EvidenceKind } from '../../domain/evidence.js';
import { normaliseTags, TLP_LEVELS, type Tlp } from '../../domain/incident.js';
import { toInstant, type Instant } from '../../domain/time.js';
import { assetExists, existingObservableIds } from '../../store/repositories/evidence-items.js';
import type { Db } from '../../store/database.js';

/** What a person says about an item; every field optional here, defaults are the use case's. */
export interface EvidenceMetadataInput {
  kind?: string | undefined;
  title?: string | undefined;
  description?: string | undefined;
  source?: string | undefined;
  asset_id?: string | null | undefined;
  collected_by?: string | undefined;
  collected_at?: string | undefined;
  acquisition_tool?: string | undefined;
  acquisition_notes?: string | undefined;
  tlp?: string | undefined;
  tags?: string[] | undefined;
  observable_ids?: string[] | undefined;
  serial_numbers?: string[] | undefined;
  physical_location?: string | undefined;
}

/** The metadata as stored, checked and normalised. */
export interface EvidenceMetadata {
  kind: EvidenceKind;
  title: string;
  description: string;
  source: string;
  asset_id: string | null;
  collected_by: string;
  collected_at: Instant;
  acquisition_tool: string;
  acquisition_notes: string;
  tlp: Tlp;
  tags: string[];
  observable_ids: string[];
  serial_numbers: string[];
  physical_location: string;
}

/**
 * Checks metadata against the rules and the organisation's data: a known kind and TLP, an asset and
 * observables that exist, a collection time not in the future. All problems at once, as a 400.
 */
export async function checkEvidenceMetadata(db: Db, organisationId: string, now: Instant, metadata: EvidenceMetadata): Promise<EvidenceMetadata> {
  const problems: FieldProblem[] = [];
  if (!(EVIDENCE_KINDS as readonly string[]).includes(metadata.kind)) problems.push({ path: 'kind', message: `must be one of ${EVIDENCE_KINDS.join(', ')}` });
  if (!(TLP_LEVELS as readonly string[]).includes(metadata.tlp)) problems.push({ path: 'tlp', message: `must be one of ${TLP_LEVELS.join(', ')}` });
  if (metadata.title.trim().length === 0) problems.push({ path: 'title', message: 'must not be empty' });
  if (metadata.collected_by.trim().length === 0) problems.push({ path: 'collected_by', message: 'say who collected it' });
  let collectedAt = metadata.collected_at;
  try {
    collectedAt = toInstant(metadata.collected_at);
    if (collectedAt > now) problems.push({ path: 'collected_at', message: 'must not be in the future' });
  } catch {
    problems.push({ path: 'collected_at', message: 'an ISO 8601 date-time with offset, e.g. 2026-11-23T08:15:00Z' });
  }
  if (metadata.asset_id && !(await assetExists(db, organisationId, metadata.asset_id))) problems.push({ path: 'asset_id', message: `${metadata.asset_id} is not an asset of this organisation` });
  const observableIds = [...new Set(metadata.observable_ids)];
  const known = await existingObservableIds(db, organisationId, observableIds);
  observableIds.forEach((id, i) => {
    if (!known.has(id)) problems.push({ path: `observable_ids.${i}`, message: `${id} is not an observable of this organisation` });
  });
  if (problems.length) throw invalid('Some of the evidence metadata does not hold; see errors.', problems);
  return {
    ...metadata,
    title: metadata.title.trim(),
    collected_by: metadata.collected_by.trim(),
    collected_at: collectedAt,
    tags: normaliseTags(metadata.tags),
    observable_ids: observableIds,
    serial_numbers: [...new Set(metadata.serial_numbers.map((s) => s.trim()).filter(Boolean))],
  };
}

/** New-item metadata: what was given, with the defaults filled in. */
export function withEvidenceDefaults(input: EvidenceMetadataInput, defaults: { kind: EvidenceKind; title: string; collected_by: string; now: Instant }): EvidenceMetadata {
  return {
    kind: (input.kind ?? defaults.kind) as EvidenceKind,
    title: input.title?.trim() || defaults.title,
    description: input.description ?? '',
    source: input.source ?? '',
    asset_id: input.asset_id || null,
    collected_by: input.collected_by?.trim() || defaults.collected_by,
    collected_at: input.collected_at ?? defaults.now,
    acquisition_tool: input.acquisition_tool ?? '',
    acquisition_notes: input.acquisition_notes ?? '',
    tlp: (input.tlp ?? 'amber') as Tlp,
    tags: input.tags ?? [],
    observable_ids: input.observable_ids ?? [],
    serial_numbers: input.serial_numbers ?? [],
    physical_location: input.physical_location ?? '',
  };
}
