import { describe, expect, it } from 'vitest';
import { isIdOf, newId, nextUlid } from '../../src/domain/ids.js';

describe('ids', () => {
  it('are a kind prefix and a lower-case ULID', () => {
    const id = newId('incident');
    expect(isIdOf('incident', id)).toBe(true);
    expect(isIdOf('alert', id)).toBe(false);
  });

  it('encode the time in the first ten characters', () => {
    // Ahead of the real clock, so the generator's monotonic guard does not keep an earlier time.
    const at = Date.now() + 10_000_123;
    const ulid = nextUlid(at);
    const decoded = [...ulid.slice(0, 10)].reduce((ms, c) => ms * 32 + '0123456789abcdefghjkmnpqrstvwxyz'.indexOf(c), 0);
    expect(decoded).toBe(at);
  });

  it('sort in the order they were made, within one millisecond and when the clock steps back', () => {
    const at = Date.now() + 20_000_000;
    const made = [nextUlid(at), nextUlid(at), nextUlid(at), nextUlid(at - 5), nextUlid(at + 1)];
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
    // The step back keeps the later time rather than going back with the clock.
    expect(made[3]!.slice(0, 10)).toBe(made[0]!.slice(0, 10));
  });

  it('differ in their random part from one millisecond to the next', () => {
    const at = Date.now() + 30_000_000;
    const a = nextUlid(at).slice(10);
    const b = nextUlid(at + 1).slice(10);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[0-9a-hjkmnp-tv-z]{16}$/);
  });
});
