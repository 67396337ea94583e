import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { fileNameProblems, MAX_FILE_NAME_LENGTH } from '../../src/domain/evidence.js';
import { EvidenceHasher, evidenceBlobPath, evidenceIncomingDir, PARALLEL_HASHING_FROM_BYTES, storeEvidenceFile } from '../../src/store/evidence-files.js';

const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });

describe('evidence file names', () => {
  it('keeps ordinary names, including spaces, dots and non-Latin letters', () => {
    for (const name of ['laptop.E01', 'mail from CEO.eml', 'Rechnung_Überfällig.pdf.exe', '報告.docx', '.bash_history']) expect(fileNameProblems(name), name).toEqual([]);
  });

  it('names each problem: separators, control characters, length, empty, dot names', () => {
    expect(fileNameProblems('../etc/passwd')).toEqual(['must not contain path separators (/ or \\)']);
    expect(fileNameProblems('C:\\Windows\\evil.exe')).toEqual(['must not contain path separators (/ or \\)']);
    expect(fileNameProblems('bell\u0007.txt')).toEqual(['must not contain control characters']);
    expect(fileNameProblems('line\nbreak.txt')).toEqual(['must not contain control characters']);
    expect(fileNameProblems('a'.repeat(1000))).toEqual([`must be at most ${MAX_FILE_NAME_LENGTH} characters (got 1000)`]);
    expect(fileNameProblems('a'.repeat(MAX_FILE_NAME_LENGTH))).toEqual([]);
    expect(fileNameProblems('  ')).toEqual(['must not be empty']);
    expect(fileNameProblems('..')).toEqual(['must be a file name, not . or ..']);
  });
});

describe('hashing while streaming', () => {
  it('gives the SHA-256, SHA-1 and MD5 of "abc" (FIPS 180 and RFC 1321 vectors) whatever the chunking', async () => {
    for (const chunks of [['abc'], ['a', 'b', 'c'], ['ab', '', 'c']]) {
      const hasher = new EvidenceHasher();
      await pipeline(Readable.from(chunks.map((c) => Buffer.from(c))), hasher, sink());
      expect(hasher.digests()).toEqual({
        sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
        sha1: 'a9993e364706816aba3e25717850c26c9cd0d89d',
        md5: '900150983cd24fb0d6963f7d28e17f72',
        sizeBytes: 3,
      });
    }
  });

  it('gives the digests of nothing for an empty file', async () => {
    const hasher = new EvidenceHasher();
    await pipeline(Readable.from([]), hasher, sink());
    expect(hasher.digests()).toEqual({ sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', sha1: 'da39a3ee5e6b4b0d3255bfef95601890afd80709', md5: 'd41d8cd98f00b204e9800998ecf8427e', sizeBytes: 0 });
  });

  it('fails the stream with a 413 problem as soon as it passes the limit', async () => {
    const hasher = new EvidenceHasher(4);
    await expect(pipeline(Readable.from([Buffer.from('abc'), Buffer.from('de')]), hasher, sink())).rejects.toMatchObject({ kind: 'payload_too_large', status: 413 });
  });
});

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

describe('storing evidence files', () => {

  it('moves a complete upload to its content address and keeps one copy of identical content', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bulwark-evidence-unit-'));
    const first = await storeEvidenceFile(dir, Readable.from([Buffer.from('abc')]), 100);
    expect(first).toMatchObject({ sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', sizeBytes: 3, created: true });
    expect(evidenceBlobPath(dir, first.sha256)).toBe(join(dir, 'ba', first.sha256));
    expect(readFileSync(evidenceBlobPath(dir, first.sha256), 'utf8')).toBe('abc');
    const again = await storeEvidenceFile(dir, Readable.from([Buffer.from('a'), Buffer.from('bc')]), 100);
    expect(again).toMatchObject({ sha256: first.sha256, created: false });
    expect(readdirSync(join(dir, 'ba'))).toEqual([first.sha256]);
    expect(readdirSync(evidenceIncomingDir(dir))).toEqual([]);
  });

  it('deletes the partial file when the source fails or the file is too large', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bulwark-evidence-unit-'));
    const broken = new Readable({ read() {} });
    broken.push(Buffer.alloc(1024));
    setImmediate(() => broken.destroy(new Error('client went away')));
    await expect(storeEvidenceFile(dir, broken, 1_000_000)).rejects.toThrow('client went away');
    await expect(storeEvidenceFile(dir, Readable.from([Buffer.alloc(50), Buffer.alloc(51)]), 100)).rejects.toMatchObject({ kind: 'payload_too_large' });
    expect(readdirSync(dir)).toEqual(['.incoming']);
    expect(readdirSync(evidenceIncomingDir(dir))).toEqual([]);
  });
});

describe('hashing on worker threads (large files)', () => {
  it('gives the same digests as hashing inline, over many chunks', async () => {
    const chunks = Array.from({ length: 300 }, (_, i) => Buffer.alloc(64 * 1024 + i, i % 251));
    const inline = new EvidenceHasher();
    await pipeline(Readable.from(chunks), inline, sink());
    const parallel = new EvidenceHasher(Number.POSITIVE_INFINITY, { parallel: true });
    await pipeline(Readable.from(chunks), parallel, sink());
    expect(parallel.digests()).toEqual(inline.digests());
    const abc = new EvidenceHasher(Number.POSITIVE_INFINITY, { parallel: true });
    await pipeline(Readable.from([Buffer.from('ab'), Buffer.from('c')]), abc, sink());
    expect(abc.digests().sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(abc.digests().md5).toBe('900150983cd24fb0d6963f7d28e17f72');
  });

  it('stores a large file through the threads and still refuses one over the limit', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bulwark-evidence-unit-'));
    const content = Buffer.alloc(3 * 1024 * 1024, 9);
    const stored = await storeEvidenceFile(dir, Readable.from([content.subarray(0, 1_000_000), content.subarray(1_000_000)]), 10 * 1024 * 1024, { expectedBytes: PARALLEL_HASHING_FROM_BYTES });
    expect(stored.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    await expect(storeEvidenceFile(dir, Readable.from([content, content]), 4 * 1024 * 1024, { expectedBytes: PARALLEL_HASHING_FROM_BYTES })).rejects.toMatchObject({ kind: 'payload_too_large' });
    expect(readdirSync(evidenceIncomingDir(dir))).toEqual([]);
  });
});
