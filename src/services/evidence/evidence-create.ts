import { newId } from '../../domain/ids.js';
import { EVIDENCE_KIND_LABELS } from '../../domain/evidence.js';
import { yearOf } from '../../domain/time.js';
import { writeJson } from '../../store/dialect.js';
import { insertEvidenceItem } from '../../store/repositories/evidence-items.js';
import { nextCounterValue } from '../../store/repositories/incidents.js';
import type { EvidenceItemRow } from '../../store/schema.js';
import { SYSTEM_USER_ID, type Actor } from '../context.js';
import type { Db } from '../../store/database.js';
import type { IncidentRecord } from '../incidents/incident-record.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import type { UnitOfWork } from '../transaction.js';
import { recordCustodyEvent } from './record-custody-event.js';
import type { EvidenceMetadata } from './evidence-metadata.js';
import { userNamesById } from '../../store/repositories/people.js';

export const formatEvidenceNumber = (year: number, sequence: number) => `EVD-${year}-${String(sequence).padStart(4, '0')}`;

export interface EvidenceFileFacts {
  sha256: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
}

/**
 * Writes a new item — numbered, held by the person recording it — with the first link of its custody
 * chain (`collected`), its timeline entry, audit entry and live event. Caller holds the incident lock.
 */
export async function createEvidenceItem(uow: UnitOfWork, incident: IncidentRecord, metadata: EvidenceMetadata, file: EvidenceFileFacts | null): Promise<EvidenceItemRow> {
  const sequence = await nextCounterValue(uow.db, uow.actor.organisationId, 'evidence', String(yearOf(uow.now)));
  const row: EvidenceItemRow = {
    id: newId('evidence'),
    organisation_id: uow.actor.organisationId,
    incident_id: incident.id,
    number: formatEvidenceNumber(yearOf(uow.now), sequence),
    kind: metadata.kind,
    title: metadata.title,
    description: metadata.description,
    blob_sha256: file?.sha256 ?? null,
    file_name: file?.file_name ?? null,
    media_type: file?.media_type ?? null,
    size_bytes: file?.size_bytes ?? null,
    serial_numbers: writeJson(metadata.serial_numbers),
    physical_location: metadata.physical_location,
    source: metadata.source,
    asset_id: metadata.asset_id,
    collected_by: metadata.collected_by,
    collected_at: metadata.collected_at,
    acquisition_tool: metadata.acquisition_tool,
    acquisition_notes: metadata.acquisition_notes,
    tlp: metadata.tlp,
    tags: writeJson(metadata.tags),
    observable_ids: writeJson(metadata.observable_ids),
    status: 'active',
    holder_id: uow.actor.userId,
    pending_holder_id: null,
    legal_hold: false,
    legal_hold_reason: '',
    retain_until: null,
    last_verified_at: null,
    last_verification: null,
    created_at: uow.now,
    created_by: uow.actor.userId,
    updated_at: uow.now,
    updated_by: uow.actor.userId,
    version: 1,
  };
  await insertEvidenceItem(uow.db, row);
  const facts = { evidence_id: row.id, number: row.number, kind: row.kind, title: row.title, file_name: row.file_name, size_bytes: row.size_bytes, sha256: row.blob_sha256 };
  await recordCustodyEvent(uow, row, incident, {
    action: 'collected',
    occurred_at: metadata.collected_at,
    location: metadata.physical_location,
    details: { collected_by: metadata.collected_by, acquisition_tool: metadata.acquisition_tool, sha256: row.blob_sha256, size_bytes: row.size_bytes },
  });
  const what = file ? `${file.file_name} (${EVIDENCE_KIND_LABELS[metadata.kind]})` : `${metadata.title} (${EVIDENCE_KIND_LABELS[metadata.kind]})`;
  await recordTimelineEntry(uow, incident, { kind: 'evidence_added', body: `Evidence ${row.number} added: ${what}`, details: facts });
  await uow.audit('evidence.add', { type: 'evidence', id: row.id }, { ...facts, incident_id: incident.id });
  uow.emit({ type: 'evidence.added', incident_id: incident.id, restricted: incident.restricted, entity_id: row.id, version: 1 });
  return row;
}

/** "Who collected it" when nobody says: the person recording it. */
export async function actorDisplayName(db: Db, actor: Actor): Promise<string> {
  if (actor.name) return actor.name;
  if (actor.userId === SYSTEM_USER_ID) return 'System';
  return (await userNamesById(db, [actor.userId])).get(actor.userId) ?? actor.userId;
}
