import type { EvidenceKind, EvidenceStatus } from '../../domain/evidence.js';
import type { Tlp } from '../../domain/incident.js';
import { readBool, readJson } from '../../store/dialect.js';
import type { Db } from '../../store/database.js';
import { findEvidenceBlobs, incidentNumbers, latestDisposalEvents } from '../../store/repositories/evidence-items.js';
import type { EvidenceBlobRow, EvidenceItemRow } from '../../store/schema.js';
import { SYSTEM_USER_ID } from '../context.js';
import { userNamesById } from '../../store/repositories/people.js';

export interface PersonRef {
  id: string;
  name: string;
}

export interface DisposalRequest {
  action: 'destroy' | 'release';
  reason: string;
  requested_by: PersonRef;
  requested_at: string;
}

/** An evidence item as services hand it out: the row with its JSON read, people named, and any pending disposal request. */
export interface EvidenceRecord {
  id: string;
  organisation_id: string;
  number: string;
  incident_id: string;
  incident_number: string;
  kind: EvidenceKind;
  title: string;
  description: string;
  file_name: string | null;
  media_type: string | null;
  size_bytes: number | null;
  sha256: string | null;
  sha1: string | null;
  md5: string | null;
  serial_numbers: string[];
  physical_location: string;
  source: string;
  asset_id: string | null;
  collected_by: string;
  collected_at: string;
  acquisition_tool: string;
  acquisition_notes: string;
  tlp: Tlp;
  tags: string[];
  observable_ids: string[];
  status: EvidenceStatus;
  holder: PersonRef | null;
  pending_holder: PersonRef | null;
  legal_hold: boolean;
  legal_hold_reason: string;
  retain_until: string | null;
  last_verified_at: string | null;
  last_verification: 'match' | 'mismatch' | 'missing' | null;
  disposal_request: DisposalRequest | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  version: number;
}

/** Blob hashes to show with items; an item without a blob (physical) has none. */
export type BlobHashes = Pick<EvidenceBlobRow, 'sha256' | 'sha1' | 'md5'>;

/**
 * Records for rows, reading the names, incident numbers, hashes and pending disposal requests in a few
 * queries whatever the number of rows (lists stay cheap).
 */
export async function toEvidenceRecords(db: Db, rows: readonly EvidenceItemRow[]): Promise<EvidenceRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const disposals = await latestDisposalEvents(db, ids);
  const people = rows.flatMap((r) => [r.holder_id, r.pending_holder_id]).filter((id): id is string => Boolean(id));
  for (const event of disposals.values()) people.push(event.actor_id);
  const [names, numbers, blobs] = await Promise.all([userNamesById(db, people), incidentNumbers(db, rows.map((r) => r.incident_id)), blobHashes(db, rows)]);
  const person = (id: string | null): PersonRef | null => (id ? { id, name: id === SYSTEM_USER_ID ? 'System' : (names.get(id) ?? id) } : null);
  return rows.map((row) => {
    const blob = row.blob_sha256 ? blobs.get(row.blob_sha256) : undefined;
    const disposal = disposals.get(row.id);
    const details = disposal ? readJson<{ action?: string; reason?: string }>(disposal.details) : undefined;
    return {
      id: row.id,
      organisation_id: row.organisation_id,
      number: row.number,
      incident_id: row.incident_id,
      incident_number: numbers.get(row.incident_id) ?? '',
      kind: row.kind as EvidenceKind,
      title: row.title,
      description: row.description,
      file_name: row.file_name,
      media_type: row.media_type,
      size_bytes: row.size_bytes === null ? null : Number(row.size_bytes),
      sha256: row.blob_sha256,
      sha1: blob?.sha1 ?? null,
      md5: blob?.md5 ?? null,
      serial_numbers: readJson<string[]>(row.serial_numbers),
      physical_location: row.physical_location,
      source: row.source,
      asset_id: row.asset_id,
      collected_by: row.collected_by,
      collected_at: row.collected_at,
      acquisition_tool: row.acquisition_tool,
      acquisition_notes: row.acquisition_notes,
      tlp: row.tlp as Tlp,
      tags: readJson<string[]>(row.tags),
      observable_ids: readJson<string[]>(row.observable_ids),
      status: row.status as EvidenceStatus,
      holder: person(row.holder_id),
      pending_holder: person(row.pending_holder_id),
      legal_hold: readBool(row.legal_hold),
      legal_hold_reason: row.legal_hold_reason,
      retain_until: row.retain_until,
      last_verified_at: row.last_verified_at,
      last_verification: row.last_verification as EvidenceRecord['last_verification'],
      disposal_request:
        disposal && disposal.action === 'disposal_requested'
          ? { action: details?.action === 'release' ? 'release' : 'destroy', reason: details?.reason ?? '', requested_by: person(disposal.actor_id) as PersonRef, requested_at: disposal.recorded_at }
          : null,
      created_at: row.created_at,
      created_by: row.created_by,
      updated_at: row.updated_at,
      version: Number(row.version),
    };
  });
}

export async function toEvidenceRecord(db: Db, row: EvidenceItemRow): Promise<EvidenceRecord> {
  const [record] = await toEvidenceRecords(db, [row]);
  return record as EvidenceRecord;
}

async function blobHashes(db: Db, rows: readonly EvidenceItemRow[]): Promise<Map<string, BlobHashes>> {
  const shas = [...new Set(rows.map((r) => r.blob_sha256).filter((s): s is string => Boolean(s)))];
  if (shas.length === 0) return new Map();
  const found = await findEvidenceBlobs(db, shas);
  return new Map(found.map((b) => [b.sha256, b]));
}
