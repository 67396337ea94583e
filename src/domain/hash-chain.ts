import { createHash } from 'node:crypto';

/**
 * Tamper-evident chains (audit log, incident timelines, custody logs):
 * hash = sha256(prev_hash ‖ canonical_json(entry)). Changing, removing or reordering any
 * entry changes every hash after it.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth and no insignificant white space. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('Non-finite numbers cannot be hashed');
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function chainHash(prevHash: string, entry: unknown): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(entry)).digest('hex');
}

export interface ChainLink {
  seq: number;
  prevHash: string;
  hash: string;
  /** The hashed content of the link, exactly as it was hashed when written. */
  content: unknown;
}

export type ChainBreak =
  | { seq: number; reason: 'prev_hash_mismatch'; expected: string; found: string }
  | { seq: number; reason: 'hash_mismatch'; expected: string; found: string }
  | { seq: number; reason: 'sequence_gap'; expected: number; found: number };

/** Walks links in order and returns the first broken one, or null when the chain is intact. */
export function findFirstBreak(links: Iterable<ChainLink>, firstSeq = 1): ChainBreak | null {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = firstSeq;
  for (const link of links) {
    if (link.seq !== expectedSeq) return { seq: link.seq, reason: 'sequence_gap', expected: expectedSeq, found: link.seq };
    if (link.prevHash !== expectedPrev) {
      return { seq: link.seq, reason: 'prev_hash_mismatch', expected: expectedPrev, found: link.prevHash };
    }
    const recomputed = chainHash(link.prevHash, link.content);
    if (recomputed !== link.hash) return { seq: link.seq, reason: 'hash_mismatch', expected: recomputed, found: link.hash };
    expectedPrev = link.hash;
    expectedSeq += 1;
  }
  return null;
}
