import { describe, expect, it } from 'vitest';
import {
  actionItemsByAge,
  ageInDays,
  defaultWindow,
  durationStats,
  incidentMetrics,
  monthsBetween,
  overallDurationStats,
  rootCauseIsKnownRisk,
  type MetricsIncident,
} from '../../src/domain/incident-metrics.js';

const H = 3_600_000;
const D = 24 * H;
const at = (iso: string, plusMs = 0) => new Date(Date.parse(iso) + plusMs).toISOString();

describe('months and windows', () => {
  it('lists every month the window [from, to) touches, across a year end', () => {
    expect(monthsBetween('2025-11-15T00:00:00.000Z', '2026-02-01T00:00:00.001Z')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2025-11-15T00:00:00.000Z', '2026-02-01T00:00:00.000Z')).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(monthsBetween('2026-03-01T00:00:00.000Z', '2026-03-31T23:59:59.999Z')).toEqual(['2026-03']);
  });

  it('defaults to the twelve calendar months up to now', () => {
    expect(defaultWindow('2026-11-23T08:00:00.000Z')).toEqual({ from: '2025-12-01T00:00:00.000Z', to: '2026-11-23T08:00:00.000Z' });
    expect(monthsBetween(defaultWindow('2026-11-23T08:00:00.000Z').from, '2026-11-23T08:00:00.000Z')).toHaveLength(12);
  });
});

describe('percentiles', () => {
  it('median and p90 interpolate between order statistics (type 7)', () => {
    // sorted 1..10 hours: median between 5 and 6 = 5.5 h; p90 at h = 9 × 0.9 = 8.1 → 9 h + 0.1 h
    const values = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5].map((n) => n * H);
    expect(durationStats(values)).toEqual({ count: 10, median_ms: 5.5 * H, p90_ms: 9.1 * H });
    const overall = overallDurationStats(values);
    expect(overall.p75_ms).toBe(7.75 * H); // h = 6.75 → 7 h + 0.75 h
    expect(overall.p95_ms).toBe(9.55 * H); // h = 8.55 → 9 h + 0.55 h
    expect(overall.max_ms).toBe(10 * H);
  });

  it('is null, not zero, when nothing was measured', () => {
    expect(durationStats([])).toEqual({ count: 0, median_ms: null, p90_ms: null });
  });
});

describe('known risks as root causes', () => {
  it('counts a root cause naming a risk, or a linked risk', () => {
    expect(rootCauseIsKnownRisk({ root_causes: [{ statement: 'x', kind: 'root', whys: [], risk_id: 'rsk_1' }], linked_risks: 0 })).toBe(true);
    expect(rootCauseIsKnownRisk({ root_causes: [{ statement: 'x', kind: 'root', whys: [] }], linked_risks: 1 })).toBe(true);
    expect(rootCauseIsKnownRisk({ root_causes: [{ statement: 'x', kind: 'root', whys: [], risk_id: null }], linked_risks: 0 })).toBe(false);
    expect(rootCauseIsKnownRisk({ root_causes: 'garbage', linked_risks: 0 })).toBe(false);
  });
});

describe('open action items by age', () => {
  const now = '2026-11-23T12:00:00.000Z';
  it('puts the bucket edges where the days say: 7 in 0–7, 8 in 8–30, 30/31, 90/91', () => {
    expect(ageInDays(at(now, -7 * D - H), now)).toBe(7);
    const ages = [0, 7, 8, 30, 31, 90, 91, 400];
    const result = actionItemsByAge(ages.map((d) => ({ created_at: at(now, -d * D - H) })), now);
    expect(result.total).toBe(8);
    expect(result.by_age.map((b) => [b.bucket, b.count])).toEqual([['0-7', 2], ['8-30', 2], ['31-90', 2], ['>90', 2]]);
  });
});

describe('incidentMetrics', () => {
  const incident = (detected: string, category: string, severity: number, times: Partial<MetricsIncident> = {}): MetricsIncident => ({ category, severity, detected_at: detected, ...times });

  it('counts by month, category and severity, with per-month and overall response times', () => {
    const jan = '2026-01-10T00:00:00.000Z';
    const mar = '2026-03-05T00:00:00.000Z';
    const incidents = [
      incident(jan, 'phishing', 3, { occurred_at: at(jan, -2 * H), contained_at: at(jan, 4 * H), recovered_at: at(jan, 10 * H) }),
      incident(at(jan, D), 'phishing', 2, { occurred_at: at(jan, D - 6 * H), contained_at: at(jan, D + 8 * H) }),
      incident(mar, 'ransomware', 1, { contained_at: at(mar, 2 * H) }),
    ];
    const m = incidentMetrics({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
      now: '2026-04-01T00:00:00.000Z',
      incidents,
      reviews: [{ root_causes: [], linked_risks: 1 }, { root_causes: [], linked_risks: 0 }, { root_causes: [{ risk_id: 'rsk_1' }], linked_risks: 0 }],
      openActionItems: [],
    });
    expect(m.incidents).toBe(3);
    expect(m.by_category).toEqual({ phishing: 2, ransomware: 1 });
    expect(m.by_severity).toEqual({ '1': 1, '2': 1, '3': 1 });
    // every month of the window is there, the empty one with zeros
    expect(m.months.map((x) => [x.month, x.incidents])).toEqual([['2026-01', 2], ['2026-02', 0], ['2026-03', 1]]);
    const january = m.months[0]!;
    expect(january.by_severity).toEqual({ '2': 1, '3': 1 });
    expect(january.time_to_detect).toEqual({ count: 2, median_ms: 4 * H, p90_ms: 5.6 * H }); // 2 h and 6 h
    expect(january.time_to_contain).toEqual({ count: 2, median_ms: 6 * H, p90_ms: 7.6 * H }); // 4 h and 8 h
    expect(january.time_to_recover).toEqual({ count: 1, median_ms: 10 * H, p90_ms: 10 * H });
    expect(m.months[1]!.time_to_contain).toEqual({ count: 0, median_ms: null, p90_ms: null });
    expect(m.response_times.time_to_contain).toMatchObject({ count: 3, median_ms: 4 * H, p50_ms: 4 * H, max_ms: 8 * H }); // 2, 4, 8 h
    expect(m.known_risk_root_causes).toEqual({ reviewed: 3, with_known_risk: 2, share: 2 / 3 });
  });

  it('has no share without reviews', () => {
    const m = incidentMetrics({ from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z', now: '2026-02-01T00:00:00.000Z', incidents: [], reviews: [], openActionItems: [] });
    expect(m.known_risk_root_causes.share).toBeNull();
    expect(m.months.map((x) => x.month)).toEqual(['2026-01']); // `to` is excluded
  });
});
