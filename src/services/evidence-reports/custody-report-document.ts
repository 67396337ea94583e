import { canonicalJson } from '../../domain/hash-chain.js';
import { NONE, utc, words, type EvidenceBlock, type EvidenceDocument } from './evidence-document.js';
import type { EvidenceReportData, ReportCustodyEvent, ReportEvidenceItem } from './load-evidence-report.js';
import { kindText } from './manifest-document.js';

const REASONS: Record<string, string> = {
  hash_mismatch: 'its content does not match its recorded hash (the event was altered)',
  prev_hash_mismatch: 'it does not follow from the event before it (an event was removed, inserted or altered)',
  sequence_gap: 'an event is missing before it',
};

function chainBlock(item: ReportEvidenceItem): EvidenceBlock {
  const { first_break: broken, events } = item.custody;
  if (!broken) return { kind: 'paragraph', tone: 'ok', text: `Chain verified: all ${events.length} events are intact and in order.` };
  return { kind: 'paragraph', tone: 'alert', text: `Chain broken at event ${broken.seq}: ${REASONS[broken.reason] ?? words(broken.reason)}. Events from ${broken.seq} on cannot be relied upon as recorded.` };
}

const handOver = (e: ReportCustodyEvent): string => (e.from_user || e.to_user ? `${e.from_user ?? NONE} -> ${e.to_user ?? NONE}` : NONE);

function eventNote(e: ReportCustodyEvent): string | undefined {
  const parts: string[] = [];
  if (e.recorded_at.slice(0, 19) !== e.occurred_at.slice(0, 19)) parts.push(`Recorded ${utc(e.recorded_at)}`);
  if (Object.keys(e.details).length) parts.push(`Details: ${canonicalJson(e.details)}`);
  return parts.length ? parts.join('. ') : undefined;
}

/** Every item's custody events, oldest first, with both hashes of each event and whether the item's chain verifies. */
export function buildCustodyReportDocument(data: EvidenceReportData, digest: string): EvidenceDocument {
  const blocks: EvidenceBlock[] = [];
  const broken = data.items.filter((i) => i.custody.first_break);
  blocks.push({
    kind: 'facts',
    items: [
      { label: 'Organisation', value: data.organisation || NONE },
      { label: 'Incident', value: `${data.incident.number} ${data.incident.title}` },
      ...(data.incident.restricted ? [{ label: 'Access', value: 'restricted incident: members only' }] : []),
      { label: 'Generated', value: `${utc(data.generated_at)} by ${data.generated_by}` },
      { label: 'Items', value: String(data.items.length) },
      { label: 'Custody events', value: String(data.items.reduce((n, i) => n + i.custody.events.length, 0)) },
    ],
  });
  if (!data.items.length) blocks.push({ kind: 'paragraph', text: 'No evidence recorded on this incident.' });
  else if (broken.length) blocks.push({ kind: 'paragraph', tone: 'alert', text: `The custody chain of ${broken.map((i) => i.number).join(', ')} does not verify: see below.` });
  else blocks.push({ kind: 'paragraph', tone: 'ok', text: 'Every custody chain verifies.' });
  blocks.push({
    kind: 'paragraph',
    text: 'Each event is hash-chained: its hash is the SHA-256 of the previous event\'s hash followed by the event\'s own content, so altering, removing or reordering any event breaks every hash after it. The first event follows 64 zeros. Times are UTC; "When" is when it happened, recorded later where noted.',
  });

  for (const item of data.items) {
    blocks.push({ kind: 'heading', level: 2, text: `${item.number} ${item.title}` });
    blocks.push({
      kind: 'facts',
      items: [
        { label: 'Kind', value: kindText(item.kind) },
        { label: 'SHA-256', value: item.sha256 ?? 'none (no stored file)', mono: !!item.sha256 },
        { label: 'Status', value: item.status },
        { label: 'Holder', value: item.holder ?? NONE },
      ],
    });
    blocks.push(chainBlock(item));
    if (!item.custody.events.length) {
      blocks.push({ kind: 'paragraph', text: 'No custody events recorded.' });
      continue;
    }
    blocks.push({
      kind: 'table',
      columns: ['#', 'Action', 'Who', 'From -> to', 'When (UTC)', 'Where', 'Why', 'Signature'],
      rows: item.custody.events.map((e) => {
        const note = eventNote(e);
        return {
          cells: [String(e.seq), words(e.action), e.actor, handOver(e), utc(e.occurred_at).replace(' UTC', ''), e.location || NONE, e.purpose || NONE, e.signature ?? NONE],
          hashes: [
            { label: 'Event hash   ', value: e.hash },
            { label: 'Previous hash', value: e.prev_hash },
          ],
          ...(note ? { note } : {}),
        };
      }),
    });
  }
  blocks.push({ kind: 'heading', level: 2, text: 'Report digest' });
  blocks.push({ kind: 'facts', items: [{ label: 'SHA-256', value: digest, mono: true }] });
  blocks.push({ kind: 'paragraph', text: `The SHA-256 of the CSV form of this custody report (format=csv), which holds every event above.` });
  return {
    title: `Chain of custody report: ${data.incident.number} ${data.incident.title}`,
    subtitle: `${data.organisation ? `${data.organisation}, ` : ''}generated ${utc(data.generated_at)} by ${data.generated_by}`,
    subject: 'Chain of custody report',
    landscape: true,
    blocks,
  };
}
