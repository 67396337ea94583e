import { describe, expect, it } from 'vitest';
import { evidenceAbilities, isCheckedOut } from '../../web/src/pages/incident/evidence/abilities.js';
import {
  chainLabel,
  downloadHref,
  evidenceFormData,
  exportHref,
  fileProblems,
  formatBytes,
  formatRate,
  integrityBadge,
  metadataFields,
  parseList,
  readSignature,
  shortHash,
  uploadProblem,
  uploadProgress,
  type UploadMetadata,
} from '../../web/src/pages/incident/evidence/evidenceFormat.js';
import type { Evidence } from '../../web/src/pages/incident/evidence/types.js';
import { actionPlan } from '../../web/src/pages/evidence/actionPlans.js';

const metadata: UploadMetadata = {
  kind: 'disk_image',
  title: '',
  description: 'Finance laptop, full disk',
  source: 'WS-042',
  collected_by: 'Rita Responder, ACME CSIRT',
  collected_at: '2026-11-23T07:00:00.000Z',
  acquisition_tool: 'FTK Imager 4.7.1',
  acquisition_notes: '',
  tlp: 'amber',
  tags: ['ransomware', 'finance'],
};

const item = (over: Partial<Evidence> = {}): Evidence => ({
  id: 'evd_1',
  number: 'EVD-2026-0001',
  incident_id: 'inc_1',
  incident_number: 'INC-2026-0001',
  kind: 'disk_image',
  title: 'Laptop image',
  description: '',
  file_name: 'laptop.E01',
  media_type: 'application/octet-stream',
  size_bytes: 10,
  sha256: 'a'.repeat(64),
  sha1: 'b'.repeat(40),
  md5: 'c'.repeat(32),
  serial_numbers: [],
  physical_location: '',
  source: '',
  asset_id: null,
  collected_by: '',
  collected_at: '2026-11-23T07:00:00.000Z',
  acquisition_tool: '',
  acquisition_notes: '',
  tlp: 'amber',
  tags: [],
  observable_ids: [],
  status: 'active',
  holder: { id: 'usr_rita', name: 'Rita Responder' },
  pending_holder: null,
  legal_hold: false,
  legal_hold_reason: '',
  retain_until: null,
  last_verified_at: null,
  last_verification: null,
  disposal_request: null,
  created_at: '2026-11-23T07:00:00.000Z',
  created_by: 'usr_rita',
  updated_at: '2026-11-23T07:00:00.000Z',
  version: 1,
  ...over,
});

const responder = new Set(['evidence.read', 'evidence.write']);
const manager = new Set(['evidence.read', 'evidence.write', 'evidence.manage']);
const stakeholder = new Set(['evidence.read']);

describe('sizes and rates for the upload progress', () => {
  it('writes sizes in decimal units, exact below a kilobyte', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1500)).toBe('1.5 kB');
    expect(formatBytes(2_000_000_000)).toBe('2.0 GB');
    expect(formatBytes(150_000_000)).toBe('150 MB');
    expect(formatBytes(null)).toBe('—');
  });

  it('gives percent and MB/s from the bytes sent and the time since the start', () => {
    expect(uploadProgress(50_000_000, 200_000_000, 1000, 3000)).toEqual({ percent: 25, rate: 25_000_000 });
    expect(formatRate(25_000_000)).toBe('25.0 MB/s');
    // No rate in the first instant, never over 100 %.
    expect(uploadProgress(10, 100, 1000, 1000).rate).toBeNull();
    expect(uploadProgress(120, 100, 0, 1000).percent).toBe(100);
    expect(uploadProgress(0, 0, 0, 1000).percent).toBe(0);
    expect(formatRate(null)).toBe('—');
  });
});

describe('the upload form', () => {
  it('sends every metadata field before the file, the title defaulting to the file name and tags repeated', () => {
    const fields = metadataFields(metadata, 'laptop.E01');
    expect(fields).toEqual([
      ['kind', 'disk_image'],
      ['title', 'laptop.E01'],
      ['description', 'Finance laptop, full disk'],
      ['source', 'WS-042'],
      ['collected_by', 'Rita Responder, ACME CSIRT'],
      ['collected_at', '2026-11-23T07:00:00.000Z'],
      ['acquisition_tool', 'FTK Imager 4.7.1'],
      ['tlp', 'amber'],
      ['tags', 'ransomware'],
      ['tags', 'finance'],
    ]);
    expect(metadataFields({ ...metadata, title: '  Laptop image ' }, 'x')[1]).toEqual(['title', 'Laptop image']);
  });

  it('puts the File itself last in the multipart body, without reading it', () => {
    const file = new File(['hello'], 'laptop.E01', { type: 'application/octet-stream' });
    const form = evidenceFormData(metadata, file);
    const names = [...form.keys()];
    expect(names.at(-1)).toBe('file');
    expect(names.indexOf('file')).toBe(names.length - 1);
    expect((form.get('file') as File).name).toBe('laptop.E01');
    expect((form.get('file') as File).size).toBe(5);
  });

  it('names what is wrong with a file before sending it', () => {
    expect(fileProblems({ name: 'ok.log', size: 10 }, null)).toEqual([]);
    expect(fileProblems({ name: '../etc/passwd', size: 1 }, null)[0]).toMatch(/path separator/);
    expect(fileProblems({ name: 'a\u0007b', size: 1 }, null)[0]).toMatch(/control characters/);
    expect(fileProblems({ name: 'x'.repeat(1000), size: 1 }, null)[0]).toMatch(/1000 characters/);
    expect(fileProblems({ name: 'big.E01', size: 3_000_000 }, 1_000_000)[0]).toBe('The file is 3.0 MB; this server accepts at most 1.0 MB.');
  });

  it('reads tags and serial numbers typed with commas or one a line, once each', () => {
    expect(parseList('SN-1, SN-2\nSN-1\n\n  SN-3 ')).toEqual(['SN-1', 'SN-2', 'SN-3']);
  });

  it("shows the server's problem, or one in words when there is none", () => {
    expect(uploadProblem(413, JSON.stringify({ title: 'Payload Too Large', status: 413, detail: 'The file is over the 64 MiB limit.' }), { size: 1 }).detail).toBe('The file is over the 64 MiB limit.');
    expect(uploadProblem(413, '<html>nginx</html>', { size: 2_000_000 })).toMatchObject({ title: 'File too large', status: 413 });
    expect(uploadProblem(0, '', { size: 1 }).detail).toMatch(/Nothing was kept/);
  });
});

describe('hashes, badges and the chain', () => {
  it('shortens a hash for the table', () => {
    expect(shortHash('0123456789abcdef0123456789abcdef')).toBe('0123456789…cdef');
    expect(shortHash(null)).toBe('—');
  });

  it('says integrity in words with a symbol, and nothing for items without a file', () => {
    expect(integrityBadge(item({ last_verification: 'match' }))).toEqual({ label: 'Verified', color: 'teal', symbol: '✓' });
    expect(integrityBadge(item({ last_verification: 'mismatch' }))?.label).toBe('Integrity failed');
    expect(integrityBadge(item({ last_verification: 'missing' }))?.symbol).toBe('✗');
    expect(integrityBadge(item())?.label).toBe('Not verified yet');
    expect(integrityBadge(item({ sha256: null }))).toBeNull();
  });

  it('names the event where a chain breaks', () => {
    expect(chainLabel({ intact: true, first_break: null })).toEqual({ label: 'Chain intact', intact: true });
    expect(chainLabel({ intact: false, first_break: { seq: 4, reason: 'hash_mismatch' } })).toEqual({ label: 'Chain broken at event 4', intact: false });
  });

  it('reads the signer out of a stored receipt signature, names with spaces included', () => {
    const digest = 'd'.repeat(64);
    expect(readSignature(`Bob van der Berg usr_01 2026-11-23T08:00:00.000Z sha256:${digest}`)).toEqual({ name: 'Bob van der Berg', signedAt: '2026-11-23T08:00:00.000Z', digest });
    expect(readSignature(null)).toBeNull();
    expect(readSignature('scribble')).toBeNull();
  });

  it('links downloads and exports', () => {
    expect(downloadHref(item())).toBe('/api/v1/evidence/evd_1/download');
    expect(downloadHref(item(), true)).toBe('/api/v1/evidence/evd_1/download?disposition=inline');
    expect(exportHref('inc_1', 'custody-report', 'pdf')).toBe('/api/v1/incidents/inc_1/evidence/custody-report?format=pdf');
  });
});

describe('what a person may do with an item', () => {
  it('knows a check-out stays open until checked in, returned or received', () => {
    expect(isCheckedOut([{ seq: 1, action: 'collected' }, { seq: 2, action: 'checked_out' }])).toBe(true);
    expect(isCheckedOut([{ seq: 3, action: 'checked_in' }, { seq: 2, action: 'checked_out' }])).toBe(false);
    expect(isCheckedOut([{ seq: 2, action: 'checked_out' }, { seq: 3, action: 'returned' }])).toBe(false);
  });

  it('offers custody steps to the holder only, and receiving only to the person it is handed to', () => {
    const held = evidenceAbilities(item(), 'usr_rita', responder, false);
    expect(held).toMatchObject({ handOver: true, checkOut: true, checkIn: false, recordCopy: true, receive: false, placeHold: false, requestDisposal: false });
    expect(evidenceAbilities(item(), 'usr_rita', responder, true)).toMatchObject({ handOver: false, checkOut: false, checkIn: true });
    const other = evidenceAbilities(item(), 'usr_bob', responder, false);
    expect(other).toMatchObject({ handOver: false, checkOut: false, recordAnalysis: true, receive: false });
    const handing = item({ pending_holder: { id: 'usr_bob', name: 'Bob' } });
    expect(evidenceAbilities(handing, 'usr_bob', responder, false).receive).toBe(true);
    expect(evidenceAbilities(handing, 'usr_rita', responder, false).handOver).toBe(false);
  });

  it('leaves a stakeholder reading: download and verify, nothing that changes the item', () => {
    const can = evidenceAbilities(item(), 'usr_sam', stakeholder, false);
    expect(can.download && can.verify).toBe(true);
    expect(Object.entries(can).filter(([name, allowed]) => allowed && name !== 'download' && name !== 'verify')).toEqual([]);
  });

  it('needs a second person to approve a disposal, and offers nothing on a destroyed item', () => {
    const requested = item({ disposal_request: { action: 'destroy', reason: 'Retention over', requested_by: { id: 'usr_ian', name: 'Ian' }, requested_at: '2026-11-23T09:00:00.000Z' } });
    expect(evidenceAbilities(requested, 'usr_ian', manager, false).decideDisposal).toBe(false);
    expect(evidenceAbilities(requested, 'usr_mia', manager, false).decideDisposal).toBe(true);
    expect(evidenceAbilities(item({ legal_hold: true }), 'usr_mia', manager, false)).toMatchObject({ placeHold: false, liftHold: true });
    const gone = evidenceAbilities(item({ status: 'destroyed' }), 'usr_rita', manager, false);
    expect(Object.values(gone).some(Boolean)).toBe(false);
  });
});

describe('what each action says before it happens', () => {
  it('tells the approver what will be deleted and who asked', () => {
    const requested = item({ disposal_request: { action: 'destroy', reason: 'Retention over', requested_by: { id: 'usr_ian', name: 'Ian Manager' }, requested_at: '2026-11-23T09:00:00.000Z' } });
    const plan = actionPlan(requested, { kind: 'stewardship', step: 'approve' });
    expect(plan).toMatchObject({ title: 'Approve destruction', confirm: 'Approve and destroy', danger: true });
    expect(plan.text).toContain('Ian Manager asked to destroy EVD-2026-0001: “Retention over”');
    expect(plan.asks.reasonRequired).toBe(false);
  });

  it('asks whom for a hand-over, a signature for a receipt and a reason for a hold', () => {
    expect(actionPlan(item(), { kind: 'custody', step: 'transferred' }).asks).toMatchObject({ person: true, place: true, signature: false });
    expect(actionPlan(item(), { kind: 'custody', step: 'received' }).asks.signature).toBe(true);
    expect(actionPlan(item(), { kind: 'custody', step: 'received' }).text).toContain('from Rita Responder');
    expect(actionPlan(item(), { kind: 'stewardship', step: 'place_hold' }).asks).toMatchObject({ reasonRequired: true, place: false });
  });
});
