import { z } from 'zod';
import { instant } from '../../schemas.js';

export const metricsQuery = z.object({
  from: instant.optional().describe('Incidents detected at or after this instant (default: the first day of the month eleven months before `to`)'),
  to: instant.optional().describe('Incidents detected before this instant (default: now)'),
});

const counts = z.record(z.string(), z.number().int()).describe('count per key');
const ms = z.number().nullable();
const durationStats = z.object({ count: z.number().int(), median_ms: ms, p90_ms: ms });
const overallDurationStats = durationStats.extend({ p50_ms: ms, p75_ms: ms, p95_ms: ms, max_ms: ms });

export const incidentMetricsSchema = z.object({
  from: z.string(),
  to: z.string(),
  incidents: z.number().int(),
  by_category: counts,
  by_severity: counts.describe('count per severity, 1 critical … 4 low'),
  months: z.array(
    z.object({
      month: z.string().describe('YYYY-MM, by detection (UTC)'),
      incidents: z.number().int(),
      by_category: counts,
      by_severity: counts,
      time_to_detect: durationStats,
      time_to_contain: durationStats,
      time_to_recover: durationStats,
    }),
  ),
  response_times: z.object({ time_to_detect: overallDurationStats, time_to_contain: overallDurationStats, time_to_recover: overallDurationStats }),
  known_risk_root_causes: z.object({ reviewed: z.number().int(), with_known_risk: z.number().int(), share: z.number().nullable() }),
  open_action_items: z.object({
    total: z.number().int(),
    by_age: z.array(z.object({ bucket: z.string(), min_days: z.number().int(), max_days: z.number().int().nullable(), count: z.number().int() })),
  }),
});
