import { EVIDENCE_KIND_LABELS, type EvidenceKind } from '../../domain/evidence.js';
import { chainText } from './evidence-csv.js';
import { formatSize, NONE, utc, words, type EvidenceBlock, type EvidenceDocument } from './evidence-document.js';
import type { EvidenceReportData, ReportEvidenceItem } from './load-evidence-report.js';

export const kindText = (kind: string): string => EVIDENCE_KIND_LABELS[kind as EvidenceKind] ?? words(kind);
const or = (text: string | null | undefined): string => (text && text.trim() ? text : NONE);

function verificationText(item: ReportEvidenceItem): string {
  if (!item.sha256) return 'not applicable (no stored file)';
  if (!item.last_verification) return 'not yet re-verified';
  return `${item.last_verification} (${utc(item.last_verified_at)})`;
}

function holdText(item: ReportEvidenceItem): string {
  return item.legal_hold ? `yes${item.legal_hold_reason ? `: ${item.legal_hold_reason}` : ''}` : 'no';
}

function itemFacts(item: ReportEvidenceItem): EvidenceBlock {
  const file = item.sha256
    ? [
        { label: 'File name', value: or(item.file_name) },
        { label: 'Media type', value: or(item.media_type) },
        { label: 'Size', value: formatSize(item.size_bytes) },
        { label: 'SHA-256', value: item.sha256, mono: true },
        { label: 'SHA-1', value: or(item.sha1), mono: true },
        { label: 'MD5', value: or(item.md5), mono: true },
        ...(item.file_removed ? [{ label: 'Stored file', value: 'removed on destruction; the hashes above remain on record' }] : []),
      ]
    : [{ label: 'File', value: 'none (physical item or record without a file)' }];
  return {
    kind: 'facts',
    items: [
      { label: 'Evidence id', value: item.id, mono: true },
      { label: 'Kind', value: kindText(item.kind) },
      { label: 'Description', value: or(item.description) },
      ...file,
      { label: 'Serial numbers', value: item.serial_numbers.length ? item.serial_numbers.join(', ') : NONE },
      { label: 'Physical location', value: or(item.physical_location) },
      { label: 'Source', value: or(item.source) },
      { label: 'Collected by', value: or(item.collected_by) },
      { label: 'Collected at', value: utc(item.collected_at) },
      { label: 'Acquisition tool', value: or(item.acquisition_tool) },
      { label: 'Acquisition notes', value: or(item.acquisition_notes) },
      { label: 'TLP', value: item.tlp.toUpperCase() },
      { label: 'Tags', value: item.tags.length ? item.tags.join(', ') : NONE },
      { label: 'Status', value: item.status },
      { label: 'Holder', value: item.holder ?? NONE },
      ...(item.pending_holder ? [{ label: 'Being handed to', value: item.pending_holder }] : []),
      { label: 'Legal hold', value: holdText(item) },
      { label: 'Retain until', value: utc(item.retain_until) },
      { label: 'Last verification', value: verificationText(item) },
      { label: 'Custody', value: `${item.custody.events.length} events, ${chainText(item)}` },
    ],
  };
}

/**
 * The evidence manifest: every item on the incident with every hash and its metadata, ending with the
 * manifest digest (the SHA-256 of the CSV form of the same manifest, see docs/evidence.md).
 */
export function buildManifestDocument(data: EvidenceReportData, digest: string): EvidenceDocument {
  const blocks: EvidenceBlock[] = [];
  blocks.push({
    kind: 'facts',
    items: [
      { label: 'Organisation', value: or(data.organisation) },
      { label: 'Incident', value: `${data.incident.number} ${data.incident.title}` },
      ...(data.incident.restricted ? [{ label: 'Access', value: 'restricted incident: members only' }] : []),
      { label: 'Generated', value: `${utc(data.generated_at)} by ${data.generated_by}` },
      { label: 'Items', value: String(data.items.length) },
    ],
  });
  blocks.push({ kind: 'heading', level: 2, text: 'Overview' });
  if (!data.items.length) blocks.push({ kind: 'paragraph', text: 'No evidence recorded on this incident.' });
  else
    blocks.push({
      kind: 'table',
      columns: ['Number', 'Title', 'Kind', 'Status', 'Holder', 'Legal hold', 'Custody'],
      rows: data.items.map((i) => ({
        cells: [i.number, i.title, kindText(i.kind), i.status, i.holder ?? NONE, i.legal_hold ? 'yes' : 'no', chainText(i)],
        hashes: i.sha256 ? [{ label: 'SHA-256', value: i.sha256 }] : [],
      })),
    });
  blocks.push({ kind: 'heading', level: 2, text: 'Items' });
  for (const item of data.items) {
    blocks.push({ kind: 'heading', level: 3, text: `${item.number} ${item.title}` });
    blocks.push(itemFacts(item));
  }
  blocks.push({ kind: 'heading', level: 2, text: 'Manifest digest' });
  blocks.push({ kind: 'facts', items: [{ label: 'SHA-256', value: digest, mono: true }] });
  blocks.push({
    kind: 'paragraph',
    text: `The SHA-256 of this manifest's content: the CSV form of the same manifest (GET /api/v1/incidents/${data.incident.number}/evidence/manifest?format=csv, or bulwark evidence manifest ${data.incident.number} --format csv), which holds every field above. Two manifests with the same digest describe the same evidence in the same state.`,
  });
  return {
    title: `Evidence manifest: ${data.incident.number} ${data.incident.title}`,
    subtitle: `${data.organisation ? `${data.organisation}, ` : ''}generated ${utc(data.generated_at)} by ${data.generated_by}`,
    subject: 'Evidence manifest',
    blocks,
  };
}
