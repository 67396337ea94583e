import type { RiskDashboard, RiskMatrix } from './types.js';

/** The residual trend as chart rows: one row per month, a count per level (lowest first), and the total loss. */
export function trendRows(trend: RiskDashboard['trend'], matrix: RiskMatrix | undefined): Array<Record<string, number | string | null>> {
  const levels = matrix?.levels.map((l) => l.id) ?? [...new Set(trend.flatMap((t) => Object.keys(t.by_level)))];
  return trend.map((point) => {
    const row: Record<string, number | string | null> = { month: point.date.slice(0, 7), annual_loss: point.annual_loss_mean_total ?? null };
    for (const level of levels) row[level] = point.by_level[level] ?? 0;
    return row;
  });
}
