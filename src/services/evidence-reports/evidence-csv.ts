import { createHash } from 'node:crypto';
import { formatCsv, neutraliseFormula } from '../../domain/csv.js';
import { canonicalJson } from '../../domain/hash-chain.js';
import type { EvidenceReportData, ReportEvidenceItem } from './load-evidence-report.js';

/**
 * The manifest and custody report as CSV: one row per item / per custody event, RFC 4180, every cell
 * that a spreadsheet would run as a formula prefixed with an apostrophe. Empty cells for "none".
 */

export const chainText = (item: ReportEvidenceItem): string => (item.custody.first_break ? `chain broken at event ${item.custody.first_break.seq}` : 'chain intact');

const cell = (value: string | number | boolean | null | undefined): string => (value === null || value === undefined ? '' : neutraliseFormula(typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value)));

const MANIFEST_COLUMNS = [
  'incident_number',
  'number',
  'id',
  'title',
  'kind',
  'description',
  'file_name',
  'media_type',
  'size_bytes',
  'sha256',
  'sha1',
  'md5',
  'file_removed',
  'serial_numbers',
  'physical_location',
  'source',
  'collected_by',
  'collected_at',
  'acquisition_tool',
  'acquisition_notes',
  'tlp',
  'tags',
  'status',
  'holder',
  'pending_holder',
  'legal_hold',
  'legal_hold_reason',
  'retain_until',
  'last_verified_at',
  'last_verification',
  'custody_events',
  'custody_chain',
];

export function manifestCsv(data: EvidenceReportData): string {
  const rows = data.items.map((i) =>
    [
      data.incident.number,
      i.number,
      i.id,
      i.title,
      i.kind,
      i.description,
      i.file_name,
      i.media_type,
      i.size_bytes,
      i.sha256,
      i.sha1,
      i.md5,
      i.sha256 ? i.file_removed : null,
      i.serial_numbers.join('; '),
      i.physical_location,
      i.source,
      i.collected_by,
      i.collected_at,
      i.acquisition_tool,
      i.acquisition_notes,
      i.tlp,
      i.tags.join('; '),
      i.status,
      i.holder,
      i.pending_holder,
      i.legal_hold,
      i.legal_hold_reason,
      i.retain_until,
      i.last_verified_at,
      i.last_verification,
      i.custody.events.length,
      chainText(i),
    ].map(cell),
  );
  return formatCsv([MANIFEST_COLUMNS, ...rows]);
}

const CUSTODY_COLUMNS = [
  'incident_number',
  'evidence_number',
  'evidence_id',
  'evidence_title',
  'seq',
  'action',
  'occurred_at',
  'recorded_at',
  'actor',
  'from_user',
  'to_user',
  'location',
  'purpose',
  'details',
  'signature',
  'prev_hash',
  'hash',
  'custody_chain',
];

export function custodyCsv(data: EvidenceReportData): string {
  const rows = data.items.flatMap((i) =>
    i.custody.events.map((e) =>
      [
        data.incident.number,
        i.number,
        i.id,
        i.title,
        e.seq,
        e.action,
        e.occurred_at,
        e.recorded_at,
        e.actor,
        e.from_user,
        e.to_user,
        e.location,
        e.purpose,
        Object.keys(e.details).length ? canonicalJson(e.details) : '',
        e.signature,
        e.prev_hash,
        e.hash,
        chainText(i),
      ].map(cell),
    ),
  );
  return formatCsv([CUSTODY_COLUMNS, ...rows]);
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
