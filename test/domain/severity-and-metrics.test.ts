import { describe, expect, it } from 'vitest';
import { responseMetrics, timestampOrderProblems } from '../../src/domain/metrics.js';
import { suggestSeverity } from '../../src/domain/severity.js';
import { formatIncidentNumber, normaliseTags } from '../../src/domain/incident.js';

describe('suggestSeverity (NIST SP 800-61 impact ratings)', () => {
  it.each([
    [{}, null],
    [{ functional_impact: 'none' as const }, 4],
    [{ functional_impact: 'low' as const }, 3],
    [{ functional_impact: 'medium' as const, information_impact: 'none' as const }, 2],
    [{ information_impact: 'privacy_breach' as const }, 2],
    [{ recoverability: 'supplemented' as const }, 3],
    [{ functional_impact: 'low' as const, recoverability: 'not_recoverable' as const }, 1],
    [{ information_impact: 'integrity_loss' as const }, 1],
    [{ functional_impact: 'high' as const }, 1],
  ])('%o suggests %s', (ratings, expected) => {
    expect(suggestSeverity(ratings)).toBe(expected);
  });
});

describe('responseMetrics', () => {
  it('measures each metric from its start to its end, null until both are known', () => {
    const metrics = responseMetrics({
      occurred_at: '2026-11-20T22:00:00.000Z',
      detected_at: '2026-11-21T02:00:00.000Z',
      acknowledged_at: '2026-11-21T02:15:00.000Z',
      contained_at: '2026-11-21T06:00:00.000Z',
      eradicated_at: null,
    });
    expect(metrics.time_to_detect_ms).toBe(4 * 3_600_000);
    expect(metrics.time_to_acknowledge_ms).toBe(15 * 60_000);
    expect(metrics.time_to_contain_ms).toBe(4 * 3_600_000);
    expect(metrics.time_to_eradicate_ms).toBeNull();
    expect(metrics.time_to_recover_ms).toBeNull();
    expect(metrics.time_to_close_ms).toBeNull();
  });

  it('measures across a daylight-saving change in absolute time', () => {
    // Europe/Berlin left summer time at 2026-10-25 01:00 UTC; instants are UTC, so the hour is not lost.
    const metrics = responseMetrics({ detected_at: '2026-10-24T23:30:00+02:00', contained_at: '2026-10-25T02:30:00+01:00' });
    expect(metrics.time_to_contain_ms).toBe(4 * 3_600_000);
  });

  it('finds timestamps that run backwards', () => {
    expect(timestampOrderProblems({ occurred_at: '2026-11-21T03:00:00Z', detected_at: '2026-11-21T02:00:00Z' })).toEqual([{ earlier: 'occurred_at', later: 'detected_at' }]);
    expect(timestampOrderProblems({ occurred_at: '2026-11-21T01:00:00Z', detected_at: '2026-11-21T02:00:00Z' })).toEqual([]);
  });
});

describe('incident vocabulary', () => {
  it('numbers incidents per year with at least four digits', () => {
    expect(formatIncidentNumber(2026, 42)).toBe('INC-2026-0042');
    expect(formatIncidentNumber(2026, 12345)).toBe('INC-2026-12345');
  });

  it('normalises tags: trimmed, lower-case, unique, sorted', () => {
    expect(normaliseTags([' Ransomware', 'ransomware', 'VIP ', ''])).toEqual(['ransomware', 'vip']);
  });
});
