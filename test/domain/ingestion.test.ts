import { describe, expect, it } from 'vitest';
import { instantFromEpochMs, papFromTheHive, papToTheHive, severityFromTheHive, severityToTheHive, tlpFromTheHive, tlpToTheHive } from '../../src/domain/ingestion.js';

describe('TheHive vocabulary', () => {
  it('inverts the severity scale (TheHive 4 critical is Bulwark 1 critical) and back', () => {
    expect([1, 2, 3, 4].map(severityFromTheHive)).toEqual([4, 3, 2, 1]);
    expect([1, 2, 3, 4].map(severityToTheHive)).toEqual([4, 3, 2, 1]);
    expect(severityFromTheHive(0)).toBe(4);
    expect(severityFromTheHive(9)).toBe(1);
  });

  it('maps tlp 0–4 to TLP 2.0 names, white becoming clear and 4 amber+strict', () => {
    expect([0, 1, 2, 3, 4].map(tlpFromTheHive)).toEqual(['clear', 'green', 'amber', 'red', 'amber+strict']);
    expect(['clear', 'green', 'amber', 'red', 'amber+strict'].map(tlpToTheHive)).toEqual([0, 1, 2, 3, 4]);
    expect(tlpFromTheHive(12)).toBe('amber');
  });

  it('maps pap 0–3 to clear, green, amber, red', () => {
    expect([0, 1, 2, 3].map(papFromTheHive)).toEqual(['clear', 'green', 'amber', 'red']);
    expect(papToTheHive('red')).toBe(3);
  });

  it('reads epoch milliseconds as an instant, and nothing as null', () => {
    expect(instantFromEpochMs(Date.UTC(2026, 10, 23, 8, 15))).toBe('2026-11-23T08:15:00.000Z');
    expect(instantFromEpochMs(undefined)).toBeNull();
    expect(instantFromEpochMs(Number.NaN)).toBeNull();
    expect(instantFromEpochMs(1e20)).toBeNull();
  });
});
