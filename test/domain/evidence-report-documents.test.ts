import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseCsv, restoreFormula } from '../../src/domain/csv.js';
import { buildCustodyReportDocument } from '../../src/services/evidence-reports/custody-report-document.js';
import { formatSize, utc, type EvidenceDocument } from '../../src/services/evidence-reports/evidence-document.js';
import { custodyCsv, manifestCsv, sha256Hex } from '../../src/services/evidence-reports/evidence-csv.js';
import type { EvidenceReportData, ReportCustodyEvent, ReportEvidenceItem } from '../../src/services/evidence-reports/load-evidence-report.js';
import { buildManifestDocument } from '../../src/services/evidence-reports/manifest-document.js';
import { renderEvidenceHtml } from '../../src/services/evidence-reports/render-html.js';

const textOf = (doc: EvidenceDocument): string =>
  [
    doc.title,
    doc.subtitle,
    ...doc.blocks.flatMap((b) =>
      b.kind === 'heading' || b.kind === 'paragraph' ? [b.text] : b.kind === 'facts' ? b.items.map((i) => `${i.label}: ${i.value}`) : [b.columns.join(' | '), ...b.rows.flatMap((r) => [r.cells.join(' | '), ...(r.hashes ?? []).map((h) => `${h.label.trim()}: ${h.value}`), r.note ?? ''])],
    ),
  ].join('\n');

const hex = (seed: string, length = 64) => createHash('sha256').update(seed).digest('hex').slice(0, length);

function event(seq: number, overrides: Partial<ReportCustodyEvent> = {}): ReportCustodyEvent {
  return { seq, action: 'collected', actor: 'Ada Admin', from_user: null, to_user: null, occurred_at: '2026-03-02T08:15:42.000Z', recorded_at: '2026-03-02T08:15:42.000Z', location: 'Room 4.12', purpose: '', details: {}, signature: null, hash: hex(`h${seq}`), prev_hash: seq === 1 ? '0'.repeat(64) : hex(`h${seq - 1}`), ...overrides };
}

function item(overrides: Partial<ReportEvidenceItem> = {}): ReportEvidenceItem {
  return {
    id: 'evd_1', number: 'EVD-2026-0001', title: 'Disk image', kind: 'disk_image', description: '', file_name: 'ws042.E01', media_type: 'application/octet-stream', size_bytes: 2_000_000_000,
    sha256: hex('file'), sha1: hex('file', 40), md5: hex('file', 32), file_removed: false, serial_numbers: [], physical_location: '', source: 'WS-042', collected_by: 'Ada Admin, CSIRT',
    collected_at: '2026-03-02T08:15:42.000Z', acquisition_tool: 'FTK Imager 4.7.1', acquisition_notes: '', tlp: 'amber', tags: [], status: 'active', holder: 'Ada Admin', pending_holder: null,
    legal_hold: false, legal_hold_reason: '', retain_until: null, last_verified_at: null, last_verification: null, custody: { events: [event(1)], intact: true, first_break: null }, ...overrides,
  };
}

const data = (items: ReportEvidenceItem[]): EvidenceReportData => ({ generated_at: '2026-03-03T12:00:00.000Z', generated_by: 'Carla Counsel', organisation: 'Acme GmbH', incident: { id: 'inc_1', number: 'INC-2026-0007', title: 'Payroll fraud', restricted: false }, items });

describe('evidence manifest', () => {
  it('lists every hash and field of each item, and ends with the digest it is given', () => {
    const physical = item({ id: 'evd_2', number: 'EVD-2026-0002', title: 'Laptop', kind: 'physical', sha256: null, sha1: null, md5: null, file_name: null, size_bytes: null, serial_numbers: ['5CG1', 'SSD-2'], physical_location: 'Safe 2', legal_hold: true, legal_hold_reason: 'Counsel' });
    const doc = buildManifestDocument(data([item({ last_verification: 'match', last_verified_at: '2026-03-03T01:00:00.000Z' }), physical]), 'd'.repeat(64));
    const text = textOf(doc);
    expect(text).toContain(`SHA-256: ${hex('file')}`);
    expect(text).toContain(`SHA-1: ${hex('file', 40)}`);
    expect(text).toContain(`MD5: ${hex('file', 32)}`);
    expect(text).toContain('Size: 2,000,000,000 bytes (2.0 GB)');
    expect(text).toContain('Last verification: match (2026-03-03 01:00:00 UTC)');
    expect(text).toContain('Serial numbers: 5CG1, SSD-2');
    expect(text).toContain('Legal hold: yes: Counsel');
    expect(text).toContain('File: none (physical item or record without a file)');
    expect(text).toContain('Generated: 2026-03-03 12:00:00 UTC by Carla Counsel');
    const last = doc.blocks.at(-2);
    expect(last).toEqual({ kind: 'facts', items: [{ label: 'SHA-256', value: 'd'.repeat(64), mono: true }] });
    // hashes are printed fixed-width
    const facts = doc.blocks.find((b) => b.kind === 'facts' && b.items.some((i) => i.label === 'SHA-1'));
    expect(facts?.kind === 'facts' && facts.items.filter((i) => i.mono).map((i) => i.label)).toEqual(['Evidence id', 'SHA-256', 'SHA-1', 'MD5']);
  });

  it('notes a stored file removed on destruction, keeping its hashes', () => {
    const text = textOf(buildManifestDocument(data([item({ status: 'destroyed', file_removed: true })]), '0'.repeat(64)));
    expect(text).toContain('Stored file: removed on destruction; the hashes above remain on record');
    expect(text).toContain(`SHA-256: ${hex('file')}`);
  });
});

describe('custody report', () => {
  it('shows each event oldest first with who, from and to whom, where, why, signature and both hashes', () => {
    const events = [event(1), event(2, { action: 'transferred', from_user: 'Ada Admin', to_user: 'Bob Receiver', purpose: 'Lab analysis' }), event(3, { action: 'received', actor: 'Bob Receiver', signature: 'Bob Receiver usr_2 2026-03-02T10:00:00.000Z sha256:abc', recorded_at: '2026-03-04T10:00:00.000Z', details: { notes: 'paper form 17' } })];
    const text = textOf(buildCustodyReportDocument(data([item({ custody: { events, intact: true, first_break: null } })]), 'e'.repeat(64)));
    expect(text).toContain('Every custody chain verifies.');
    expect(text).toContain('Chain verified: all 3 events are intact and in order.');
    expect(text).toContain('2 | transferred | Ada Admin | Ada Admin -> Bob Receiver | 2026-03-02 08:15:42 | Room 4.12 | Lab analysis | -');
    expect(text).toContain('3 | received | Bob Receiver | - | 2026-03-02 08:15:42 | Room 4.12 | - | Bob Receiver usr_2 2026-03-02T10:00:00.000Z sha256:abc');
    expect(text).toContain('Recorded 2026-03-04 10:00:00 UTC. Details: {"notes":"paper form 17"}');
    for (const e of events) {
      expect(text).toContain(`Event hash: ${e.hash}`);
      expect(text).toContain(`Previous hash: ${e.prev_hash}`);
    }
  });

  it('names the first broken event and why', () => {
    const broken = item({ custody: { events: [event(1), event(2)], intact: false, first_break: { seq: 2, reason: 'hash_mismatch' } } });
    const doc = buildCustodyReportDocument(data([item(), broken]), 'e'.repeat(64));
    expect(doc.blocks).toContainEqual({ kind: 'paragraph', tone: 'alert', text: 'Chain broken at event 2: its content does not match its recorded hash (the event was altered). Events from 2 on cannot be relied upon as recorded.' });
    expect(textOf(doc)).toContain('The custody chain of EVD-2026-0001 does not verify');
    expect(doc.landscape).toBe(true);
  });
});

describe('CSV forms', () => {
  it('one row per item / per event, RFC 4180, formula cells neutralised', () => {
    const evil = item({ title: '=cmd|"/c calc"!A1', description: 'line one\nline "two", quoted', tags: ['+1', '@home'], custody: { events: [event(1, { purpose: '-2+3', details: { a: 1 } }), event(2)], intact: true, first_break: null } });
    const manifest = parseCsv(manifestCsv(data([evil])));
    expect(manifest.ok).toBe(true);
    if (!manifest.ok) return;
    const [header, row] = manifest.records as [string[], string[]];
    const cell = (name: string) => row[header.indexOf(name)]!;
    expect(cell('title')).toBe(`'=cmd|"/c calc"!A1`);
    expect(restoreFormula(cell('title'))).toBe('=cmd|"/c calc"!A1');
    expect(cell('description')).toBe('line one\nline "two", quoted');
    expect(cell('tags')).toBe("'+1; @home");
    expect([cell('sha256'), cell('sha1'), cell('md5')]).toEqual([hex('file'), hex('file', 40), hex('file', 32)]);
    expect(cell('retain_until')).toBe('');

    const custody = parseCsv(custodyCsv(data([evil])));
    expect(custody.ok && custody.records.length).toBe(3);
    if (!custody.ok) return;
    const [h, first] = custody.records as [string[], string[]];
    expect(first[h.indexOf('purpose')]).toBe("'-2+3");
    expect(first[h.indexOf('details')]).toBe('{"a":1}');
    expect(first[h.indexOf('prev_hash')]).toBe('0'.repeat(64));
  });

  it('the digest is the SHA-256 of the CSV bytes', () => {
    const csv = manifestCsv(data([item()]));
    expect(sha256Hex(csv)).toBe(createHash('sha256').update(Buffer.from(csv, 'utf8')).digest('hex'));
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('HTML and formatting', () => {
  it('escapes what people wrote and prints hashes as code', () => {
    const html = renderEvidenceHtml(buildManifestDocument(data([item({ title: '<img src=x onerror=alert(1)>' })]), 'f'.repeat(64)));
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain(`<code>${'f'.repeat(64)}</code>`);
    expect(html).not.toMatch(/<script|<link|src=["']?http/i);
  });

  it('formats sizes and UTC instants with seconds', () => {
    expect(formatSize(512)).toBe('512 bytes');
    expect(formatSize(1_234_567)).toBe('1,234,567 bytes (1.2 MB)');
    expect(formatSize(null)).toBe('-');
    expect(utc('2026-03-02T08:15:42.123Z')).toBe('2026-03-02 08:15:42 UTC');
    expect(utc(null)).toBe('-');
  });
});
