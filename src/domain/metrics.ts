import { durationMs, type Instant } from './time.js';
import type { TimestampField } from './incident.js';

export type IncidentTimestamps = Partial<Record<TimestampField, Instant | null>>;

export interface ResponseMetrics {
  /** occurred → detected */
  time_to_detect_ms: number | null;
  /** detected → acknowledged */
  time_to_acknowledge_ms: number | null;
  /** detected → contained */
  time_to_contain_ms: number | null;
  /** detected → eradicated */
  time_to_eradicate_ms: number | null;
  /** detected → recovered */
  time_to_recover_ms: number | null;
  /** detected → closed */
  time_to_close_ms: number | null;
}

/** The response-time metrics of one incident; a metric is null until both of its ends are known. */
export function responseMetrics(t: IncidentTimestamps): ResponseMetrics {
  return {
    time_to_detect_ms: durationMs(t.occurred_at, t.detected_at),
    time_to_acknowledge_ms: durationMs(t.detected_at, t.acknowledged_at),
    time_to_contain_ms: durationMs(t.detected_at, t.contained_at),
    time_to_eradicate_ms: durationMs(t.detected_at, t.eradicated_at),
    time_to_recover_ms: durationMs(t.detected_at, t.recovered_at),
    time_to_close_ms: durationMs(t.detected_at, t.closed_at),
  };
}

/** Timestamps must not run backwards: occurred ≤ detected ≤ reported. Returns the field pairs that do. */
export function timestampOrderProblems(t: IncidentTimestamps): Array<{ earlier: TimestampField; later: TimestampField }> {
  const pairs: Array<[TimestampField, TimestampField]> = [
    ['occurred_at', 'detected_at'],
    ['detected_at', 'acknowledged_at'],
    ['detected_at', 'contained_at'],
    ['contained_at', 'eradicated_at'],
    ['eradicated_at', 'recovered_at'],
    ['detected_at', 'closed_at'],
  ];
  return pairs
    .filter(([a, b]) => t[a] && t[b] && Date.parse(t[a]!) > Date.parse(t[b]!))
    .map(([earlier, later]) => ({ earlier, later }));
}

/** The median of some numbers (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export type MetricName = keyof ResponseMetrics;
export const METRIC_NAMES: readonly MetricName[] = ['time_to_detect_ms', 'time_to_acknowledge_ms', 'time_to_contain_ms', 'time_to_eradicate_ms', 'time_to_recover_ms', 'time_to_close_ms'];

/** Per metric, the median over the incidents where it is known and how many incidents that was. */
export type MetricMedians = Record<MetricName, { median_ms: number | null; incidents: number }>;

/** The organisation's medians of each response metric; an incident counts only for the metrics it has. */
export function responseMetricMedians(all: readonly ResponseMetrics[]): MetricMedians {
  return Object.fromEntries(
    METRIC_NAMES.map((name) => {
      const known = all.map((m) => m[name]).filter((v): v is number => v !== null);
      return [name, { median_ms: median(known), incidents: known.length }];
    }),
  ) as MetricMedians;
}
