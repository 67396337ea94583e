import { findFirstBreak, type ChainLink } from '../../domain/hash-chain.js';
import { readBool, readJson } from '../../store/dialect.js';
import { custodyChain } from '../../store/repositories/custody-events.js';
import { custodyEventsOfIncident, evidenceItemsOfIncident, peopleNames } from '../../store/repositories/evidence-reports.js';
import { loadVisibleIncident } from '../incidents/load-incident.js';
import type { UnitOfWork } from '../transaction.js';
import { findOrganisation } from '../../store/repositories/people.js';

export interface ReportCustodyEvent {
  seq: number;
  action: string;
  actor: string;
  from_user: string | null;
  to_user: string | null;
  occurred_at: string;
  recorded_at: string;
  location: string;
  purpose: string;
  details: Record<string, unknown>;
  signature: string | null;
  hash: string;
  prev_hash: string;
}

export interface ReportEvidenceItem {
  id: string;
  number: string;
  title: string;
  kind: string;
  description: string;
  file_name: string | null;
  media_type: string | null;
  size_bytes: number | null;
  sha256: string | null;
  sha1: string | null;
  md5: string | null;
  /** The stored file was removed on destruction; the hashes stay on record. */
  file_removed: boolean;
  serial_numbers: string[];
  physical_location: string;
  source: string;
  collected_by: string;
  collected_at: string;
  acquisition_tool: string;
  acquisition_notes: string;
  tlp: string;
  tags: string[];
  status: string;
  holder: string | null;
  pending_holder: string | null;
  legal_hold: boolean;
  legal_hold_reason: string;
  retain_until: string | null;
  last_verified_at: string | null;
  last_verification: string | null;
  custody: {
    events: ReportCustodyEvent[];
    intact: boolean;
    first_break: { seq: number; reason: string } | null;
  };
}

/** What the evidence manifest and the custody report show, gathered once. */
export interface EvidenceReportData {
  generated_at: string;
  generated_by: string;
  organisation: string;
  incident: { id: string; number: string; title: string; restricted: boolean };
  items: ReportEvidenceItem[];
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

async function collect(links: AsyncIterable<ChainLink>): Promise<ChainLink[]> {
  const all: ChainLink[] = [];
  for await (const link of links) all.push(link);
  return all;
}

/** Reads an incident visible to the actor (404 otherwise), every item of evidence on it and each item's custody chain, checked. */
export async function loadEvidenceReport(uow: UnitOfWork, incidentIdOrNumber: string): Promise<EvidenceReportData> {
  const db = uow.db;
  const organisationId = uow.actor.organisationId;
  const incident = await loadVisibleIncident(db, uow.actor, incidentIdOrNumber);
  const [items, events, organisation] = await Promise.all([
    evidenceItemsOfIncident(db, organisationId, incident.id),
    custodyEventsOfIncident(db, organisationId, incident.id),
    findOrganisation(db, organisationId).then((o) => o?.name ?? ''),
  ]);
  const breaks = new Map<string, ReturnType<typeof findFirstBreak>>();
  for (const item of items) breaks.set(item.id, findFirstBreak(await collect(custodyChain(db, item.id))));

  const userIds = new Set<string>([uow.actor.userId]);
  for (const item of items) for (const id of [item.holder_id, item.pending_holder_id]) if (id) userIds.add(id);
  for (const event of events) for (const id of [event.actor_id, event.from_user_id, event.to_user_id]) if (id) userIds.add(id);
  const people = new Map((await peopleNames(db, [...userIds])).map((u) => [u.id, u.name || u.email]));
  const nameOf = (id: string): string => people.get(id) ?? (id === 'system' ? 'System' : id);
  const maybeName = (id: string | null): string | null => (id ? nameOf(id) : null);

  const eventsOf = new Map<string, ReportCustodyEvent[]>();
  for (const e of events) {
    const list = eventsOf.get(e.evidence_id) ?? [];
    list.push({
      seq: e.seq,
      action: e.action,
      actor: nameOf(e.actor_id),
      from_user: maybeName(e.from_user_id),
      to_user: maybeName(e.to_user_id),
      occurred_at: e.occurred_at,
      recorded_at: e.recorded_at,
      location: e.location,
      purpose: e.purpose,
      details: readJson<Record<string, unknown> | null>(e.details) ?? {},
      signature: e.signature,
      hash: e.hash,
      prev_hash: e.prev_hash,
    });
    eventsOf.set(e.evidence_id, list);
  }

  return {
    generated_at: uow.now,
    generated_by: uow.actor.name ?? nameOf(uow.actor.userId),
    organisation,
    incident: { id: incident.id, number: incident.number, title: incident.title, restricted: incident.restricted },
    items: items.map((item) => {
      const broken = breaks.get(item.id) ?? null;
      return {
        id: item.id,
        number: item.number,
        title: item.title,
        kind: item.kind,
        description: item.description,
        file_name: item.file_name,
        media_type: item.media_type,
        size_bytes: item.size_bytes ?? item.blob_size_bytes,
        sha256: item.blob_sha256,
        sha1: item.sha1,
        md5: item.md5,
        file_removed: !!item.blob_removed_at,
        serial_numbers: strings(readJson(item.serial_numbers)),
        physical_location: item.physical_location,
        source: item.source,
        collected_by: item.collected_by,
        collected_at: item.collected_at,
        acquisition_tool: item.acquisition_tool,
        acquisition_notes: item.acquisition_notes,
        tlp: item.tlp,
        tags: strings(readJson(item.tags)),
        status: item.status,
        holder: maybeName(item.holder_id),
        pending_holder: maybeName(item.pending_holder_id),
        legal_hold: readBool(item.legal_hold),
        legal_hold_reason: item.legal_hold_reason,
        retain_until: item.retain_until,
        last_verified_at: item.last_verified_at,
        last_verification: item.last_verification,
        custody: { events: eventsOf.get(item.id) ?? [], intact: !broken, first_break: broken ? { seq: broken.seq, reason: broken.reason } : null },
      };
    }),
  };
}
