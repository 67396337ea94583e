import { describe, expect, it } from 'vitest';
import { canonicalJson, chainHash, findFirstBreak, GENESIS_HASH, type ChainLink } from '../../src/domain/hash-chain.js';

function buildChain(contents: unknown[]): ChainLink[] {
  let prev = GENESIS_HASH;
  return contents.map((content, i) => {
    const hash = chainHash(prev, content);
    const link = { seq: i + 1, prevHash: prev, hash, content };
    prev = hash;
    return link;
  });
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined, so equal objects hash equally', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
    expect(chainHash(GENESIS_HASH, { a: 1, b: 2 })).toBe(chainHash(GENESIS_HASH, { b: 2, a: 1 }));
  });

  it('refuses values that have no JSON form', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(TypeError);
  });
});

describe('findFirstBreak', () => {
  const chain = buildChain([{ action: 'open' }, { action: 'note', body: 'EDR isolated host' }, { action: 'close' }]);

  it('accepts an intact chain', () => {
    expect(findFirstBreak(chain)).toBeNull();
    expect(chain[0]!.hash).toBe(chainHash(GENESIS_HASH, { action: 'open' }));
  });

  it('finds an edited entry', () => {
    const tampered = chain.map((l) => (l.seq === 2 ? { ...l, content: { action: 'note', body: 'nothing happened' } } : l));
    expect(findFirstBreak(tampered)).toMatchObject({ seq: 2, reason: 'hash_mismatch' });
  });

  it('finds a removed entry', () => {
    expect(findFirstBreak([chain[0]!, chain[2]!])).toMatchObject({ seq: 3, reason: 'sequence_gap', expected: 2 });
  });

  it('finds an entry whose hash was recomputed after an edit (the next link no longer points at it)', () => {
    const edited = { action: 'note', body: 'rewritten' };
    const forged = chain.map((l) => (l.seq === 2 ? { ...l, content: edited, hash: chainHash(l.prevHash, edited) } : l));
    expect(findFirstBreak(forged)).toMatchObject({ seq: 3, reason: 'prev_hash_mismatch' });
  });
});
