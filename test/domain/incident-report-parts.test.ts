import { describe, expect, it } from 'vitest';
import { clip, formatCount, GAP_PATTERN, instantWithZone, orGap, toBeCompleted } from '../../src/services/incident-reports/report-parts.js';

describe('incident report wording', () => {
  it('marks gaps rather than filling them', () => {
    expect(orGap('  ', 'the contact point')).toBe('[To be completed: the contact point]');
    expect(orGap(undefined, 'x')).toBe(toBeCompleted('x'));
    expect(orGap(' DPO ', 'x')).toBe('DPO');
    expect(`a ${toBeCompleted('one')} b ${toBeCompleted('two')}`.match(GAP_PATTERN)).toHaveLength(2);
  });

  it('words counts as approximations and leaves unknown counts unknown', () => {
    expect(formatCount(12500)).toBe('approximately 12,500');
    expect(formatCount(0)).toBe('approximately 0');
    expect(formatCount(undefined)).toBeNull();
    expect(formatCount(Number.NaN)).toBeNull();
  });

  it('shows UTC and the organisation wall time, across daylight saving', () => {
    expect(instantWithZone('2026-03-28T12:00:00.000Z', 'Europe/Berlin')).toBe('2026-03-28 12:00 UTC (2026-03-28 13:00 Europe/Berlin)');
    expect(instantWithZone('2026-03-30T12:00:00.000Z', 'Europe/Berlin')).toBe('2026-03-30 12:00 UTC (2026-03-30 14:00 Europe/Berlin)');
    expect(instantWithZone('2026-03-30T12:00:00.000Z', 'UTC')).toBe('2026-03-30 12:00 UTC');
    expect(instantWithZone(null, 'UTC')).toBe('-');
  });

  it('clips long text at a word boundary', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('alpha beta gamma delta', 15)).toBe('alpha beta…');
    expect(clip('a\n\nb', 10)).toBe('a b');
    expect(clip('x'.repeat(30), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
