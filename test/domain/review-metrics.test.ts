import { describe, expect, it } from 'vitest';
import { median, responseMetricMedians, responseMetrics } from '../../src/domain/metrics.js';

const HOUR = 3_600_000;

describe('medians of response metrics', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('counts an incident only for the metrics it has', () => {
    const medians = responseMetricMedians([
      responseMetrics({ occurred_at: '2026-01-01T08:00:00.000Z', detected_at: '2026-01-01T09:00:00.000Z', contained_at: '2026-01-01T10:00:00.000Z' }),
      responseMetrics({ occurred_at: '2026-02-01T06:00:00.000Z', detected_at: '2026-02-01T09:00:00.000Z', contained_at: '2026-02-01T12:00:00.000Z' }),
      responseMetrics({ detected_at: '2026-03-01T09:00:00.000Z', contained_at: '2026-03-01T11:00:00.000Z', closed_at: '2026-03-02T09:00:00.000Z' }),
    ]);
    expect(medians.time_to_detect_ms).toEqual({ median_ms: 2 * HOUR, incidents: 2 });
    expect(medians.time_to_contain_ms).toEqual({ median_ms: 2 * HOUR, incidents: 3 });
    expect(medians.time_to_close_ms).toEqual({ median_ms: 24 * HOUR, incidents: 1 });
    expect(medians.time_to_recover_ms).toEqual({ median_ms: null, incidents: 0 });
  });
});
