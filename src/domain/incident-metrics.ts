import { quantileSorted } from './fair/statistics.js';
import { responseMetrics, type IncidentTimestamps } from './metrics.js';
import { DAY_MS, type Instant } from './time.js';

/**
 * The incident metrics dashboard (docs/reviews.md, "Metrics"): incidents by category and severity
 * per month, response-time trends and percentiles, the share of reviewed incidents whose root cause
 * was a known risk, and open action items by age. Pure: the store hands in rows, this counts them.
 */

/** One incident as the dashboard sees it. */
export interface MetricsIncident extends IncidentTimestamps {
  category: string;
  severity: number;
  detected_at: Instant;
}

/** A completed review: whether a root cause names a risk, or the incident is linked to one. */
export interface MetricsReview {
  root_causes: unknown;
  linked_risks: number;
}

export interface MetricsActionItem {
  created_at: Instant;
}

export const RESPONSE_TIMES = ['time_to_detect', 'time_to_contain', 'time_to_recover'] as const;
export type ResponseTime = (typeof RESPONSE_TIMES)[number];

export interface DurationStats {
  /** Incidents with both ends of the interval known. */
  count: number;
  median_ms: number | null;
  p90_ms: number | null;
}

export interface OverallDurationStats extends DurationStats {
  p50_ms: number | null;
  p75_ms: number | null;
  p95_ms: number | null;
  max_ms: number | null;
}

export interface MonthMetrics {
  /** `YYYY-MM`, by the month the incident was detected (UTC). */
  month: string;
  incidents: number;
  by_category: Record<string, number>;
  by_severity: Record<string, number>;
  time_to_detect: DurationStats;
  time_to_contain: DurationStats;
  time_to_recover: DurationStats;
}

/** Open action items by how long ago they were created: 0–7, 8–30, 31–90 and over 90 days. */
export const AGE_BUCKETS = [
  { bucket: '0-7', min_days: 0, max_days: 7 },
  { bucket: '8-30', min_days: 8, max_days: 30 },
  { bucket: '31-90', min_days: 31, max_days: 90 },
  { bucket: '>90', min_days: 91, max_days: null },
] as const;

export interface IncidentMetrics {
  from: Instant;
  to: Instant;
  incidents: number;
  by_category: Record<string, number>;
  by_severity: Record<string, number>;
  months: MonthMetrics[];
  response_times: Record<ResponseTime, OverallDurationStats>;
  known_risk_root_causes: { reviewed: number; with_known_risk: number; share: number | null };
  open_action_items: { total: number; by_age: Array<{ bucket: string; min_days: number; max_days: number | null; count: number }> };
}

/** The `YYYY-MM` of an instant (UTC). */
export const monthOf = (at: Instant): string => at.slice(0, 7);

/** Every month the half-open window [from, to) touches, in order. */
export function monthsBetween(from: Instant, to: Instant): string[] {
  const start = new Date(from);
  const end = new Date(Date.parse(to) - 1);
  const months: string[] = [];
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth();
  while (year < end.getUTCFullYear() || (year === end.getUTCFullYear() && month <= end.getUTCMonth())) {
    months.push(`${year}-${String(month + 1).padStart(2, '0')}`);
    month += 1;
    if (month === 12) {
      month = 0;
      year += 1;
    }
  }
  return months;
}

/** The default window: the twelve calendar months up to and including the one holding `now`. */
export function defaultWindow(now: Instant): { from: Instant; to: Instant } {
  const d = new Date(now);
  return { from: new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 11, 1)).toISOString(), to: now };
}

const durationsOf = (incidents: readonly MetricsIncident[]): Record<ResponseTime, number[]> => {
  const out: Record<ResponseTime, number[]> = { time_to_detect: [], time_to_contain: [], time_to_recover: [] };
  for (const incident of incidents) {
    const m = responseMetrics(incident);
    for (const name of RESPONSE_TIMES) {
      const value = m[`${name}_ms`];
      // Timestamps are kept in order by the incident rules; a negative span would be bad data, left out.
      if (value !== null && value >= 0) out[name].push(value);
    }
  }
  return out;
};

const sorted = (values: readonly number[]) => Float64Array.from(values).sort();
const quantile = (s: Float64Array, q: number) => (s.length ? Math.round(quantileSorted(s, q)) : null);

/** Median and 90th percentile (interpolated, Hyndman–Fan type 7) of durations in milliseconds. */
export function durationStats(values: readonly number[]): DurationStats {
  const s = sorted(values);
  return { count: s.length, median_ms: quantile(s, 0.5), p90_ms: quantile(s, 0.9) };
}

export function overallDurationStats(values: readonly number[]): OverallDurationStats {
  const s = sorted(values);
  return { ...durationStats(values), p50_ms: quantile(s, 0.5), p75_ms: quantile(s, 0.75), p95_ms: quantile(s, 0.95), max_ms: s.length ? s[s.length - 1]! : null };
}

const countBy = <T>(items: readonly T[], key: (item: T) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
};

/** Whether a review's root causes name a risk (`risk_id`) or the incident is linked to one. */
export function rootCauseIsKnownRisk(review: MetricsReview): boolean {
  if (review.linked_risks > 0) return true;
  if (!Array.isArray(review.root_causes)) return false;
  return review.root_causes.some((c) => typeof c === 'object' && c !== null && typeof (c as { risk_id?: unknown }).risk_id === 'string' && (c as { risk_id: string }).risk_id !== '');
}

/** Whole days from `createdAt` to `now`; 0 for an item created today. */
export const ageInDays = (createdAt: Instant, now: Instant): number => Math.max(0, Math.floor((Date.parse(now) - Date.parse(createdAt)) / DAY_MS));

export function actionItemsByAge(items: readonly MetricsActionItem[], now: Instant): IncidentMetrics['open_action_items'] {
  const by_age = AGE_BUCKETS.map((b) => ({ ...b, count: 0 }));
  for (const item of items) {
    const age = ageInDays(item.created_at, now);
    const bucket = by_age.find((b) => age >= b.min_days && (b.max_days === null || age <= b.max_days))!;
    bucket.count += 1;
  }
  return { total: items.length, by_age };
}

export interface MetricsInput {
  from: Instant;
  to: Instant;
  now: Instant;
  /** Incidents detected in [from, to). */
  incidents: readonly MetricsIncident[];
  /** Completed reviews of those incidents. */
  reviews: readonly MetricsReview[];
  /** Open (open or in progress) action items, whatever their date. */
  openActionItems: readonly MetricsActionItem[];
}

export function incidentMetrics(input: MetricsInput): IncidentMetrics {
  const byMonth = new Map<string, MetricsIncident[]>(monthsBetween(input.from, input.to).map((m) => [m, []]));
  for (const incident of input.incidents) {
    const month = monthOf(incident.detected_at);
    if (!byMonth.has(month)) byMonth.set(month, []);
    byMonth.get(month)!.push(incident);
  }
  const months = [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, incidents]): MonthMetrics => {
      const durations = durationsOf(incidents);
      return {
        month,
        incidents: incidents.length,
        by_category: countBy(incidents, (i) => i.category),
        by_severity: countBy(incidents, (i) => String(i.severity)),
        time_to_detect: durationStats(durations.time_to_detect),
        time_to_contain: durationStats(durations.time_to_contain),
        time_to_recover: durationStats(durations.time_to_recover),
      };
    });
  const all = durationsOf(input.incidents);
  const known = input.reviews.filter(rootCauseIsKnownRisk).length;
  return {
    from: input.from,
    to: input.to,
    incidents: input.incidents.length,
    by_category: countBy(input.incidents, (i) => i.category),
    by_severity: countBy(input.incidents, (i) => String(i.severity)),
    months,
    response_times: {
      time_to_detect: overallDurationStats(all.time_to_detect),
      time_to_contain: overallDurationStats(all.time_to_contain),
      time_to_recover: overallDurationStats(all.time_to_recover),
    },
    known_risk_root_causes: { reviewed: input.reviews.length, with_known_risk: known, share: input.reviews.length ? known / input.reviews.length : null },
    open_action_items: actionItemsByAge(input.openActionItems, input.now),
  };
}
