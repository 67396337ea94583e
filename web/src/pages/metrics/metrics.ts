/**
 * The metrics dashboard's shapes (`GET /api/v1/metrics/incidents`) and the rows its charts draw. No
 * relative imports: the unit tests load this file under Node's module rules.
 */
export interface DurationStats {
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

export const RESPONSE_TIMES = ['time_to_detect', 'time_to_contain', 'time_to_recover'] as const;
export type ResponseTime = (typeof RESPONSE_TIMES)[number];
export const RESPONSE_TIME_LABELS: Record<ResponseTime, string> = { time_to_detect: 'Time to detect', time_to_contain: 'Time to contain', time_to_recover: 'Time to recover' };

export interface MonthMetrics extends Record<ResponseTime, DurationStats> {
  month: string;
  incidents: number;
  by_category: Record<string, number>;
  by_severity: Record<string, number>;
}

export interface IncidentMetrics {
  from: string;
  to: string;
  incidents: number;
  by_category: Record<string, number>;
  by_severity: Record<string, number>;
  months: MonthMetrics[];
  response_times: Record<ResponseTime, OverallDurationStats>;
  known_risk_root_causes: { reviewed: number; with_known_risk: number; share: number | null };
  open_action_items: { total: number; by_age: Array<{ bucket: string; min_days: number; max_days: number | null; count: number }> };
}

export const SEVERITY_NAMES: Record<string, string> = { '1': 'Critical', '2': 'High', '3': 'Medium', '4': 'Low' };
const SEVERITY_COLOURS: Record<string, string> = { '1': 'red.7', '2': 'orange.6', '3': 'yellow.5', '4': 'gray.5' };
const PALETTE = ['blue.6', 'teal.6', 'grape.6', 'orange.6', 'cyan.6', 'pink.6', 'lime.7', 'indigo.6', 'red.6', 'yellow.6', 'violet.6', 'green.6'];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-03" → "Mar 2026" (months are counted by detection in UTC). */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return year && m && m >= 1 && m <= 12 ? `${MONTHS[m - 1]} ${year}` : month;
}

export interface StackedRows {
  rows: Array<Record<string, string | number>>;
  series: Array<{ name: string; label: string; color: string }>;
}

/** Rows for a stacked bar chart per month; keys in order of their total (largest at the bottom), severities in order. */
export function stackedRows(months: MonthMetrics[], by: 'by_category' | 'by_severity', label: (key: string) => string = (k) => k): StackedRows {
  const totals = new Map<string, number>();
  for (const m of months) for (const [key, count] of Object.entries(m[by])) totals.set(key, (totals.get(key) ?? 0) + count);
  const keys = [...totals.keys()].sort(by === 'by_severity' ? (a, b) => Number(a) - Number(b) : (a, b) => totals.get(b)! - totals.get(a)! || a.localeCompare(b));
  const rows = months.map((m) => {
    const row: Record<string, string | number> = { month: monthLabel(m.month) };
    for (const key of keys) row[key] = m[by][key] ?? 0;
    return row;
  });
  const series = keys.map((key, i) => ({ name: key, label: label(key), color: by === 'by_severity' ? (SEVERITY_COLOURS[key] ?? PALETTE[i % PALETTE.length]!) : PALETTE[i % PALETTE.length]! }));
  return { rows, series };
}

export const severityLabel = (key: string): string => (SEVERITY_NAMES[key] ? `${SEVERITY_NAMES[key]} (${key})` : key);
export const categoryLabel = (key: string): string => {
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const HOUR = 3_600_000;
const hours = (ms: number | null): number | null => (ms === null ? null : Math.round((ms / HOUR) * 100) / 100);

/** Median and p90 per month in hours; months with no incident that reached the step are null (gaps). */
export function trendRows(months: MonthMetrics[], metric: ResponseTime): Array<{ month: string; median: number | null; p90: number | null; count: number }> {
  return months.map((m) => ({ month: monthLabel(m.month), median: hours(m[metric].median_ms), p90: hours(m[metric].p90_ms), count: m[metric].count }));
}

/** Bars of open action items by age, labelled in days. */
export function ageRows(byAge: IncidentMetrics['open_action_items']['by_age']): Array<{ age: string; count: number }> {
  return byAge.map((b) => ({ age: b.max_days === null ? `over ${b.min_days - 1} days` : `${b.min_days}–${b.max_days} days`, count: b.count }));
}

/** "42 %" of reviewed incidents whose root cause was a known risk; "—" before any review. */
export function shareLabel(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)} %`;
}

/** The window for "the last N months": from the first day of the month N−1 months ago (UTC) to now. */
export function windowOf(months: number, now: Date = new Date()): { from: string; to: string } {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1));
  return { from: from.toISOString(), to: now.toISOString() };
}
