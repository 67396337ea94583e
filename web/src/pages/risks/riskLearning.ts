/**
 * What incidents taught about risks, as the risk page and the dashboard draw it: score over time with
 * the incidents marked, and realised versus estimated loss. No relative imports: the unit tests load
 * this file under Node's module rules.
 */
export interface ScorePoint {
  at: string;
  action?: string;
  inherent_level: string;
  residual_level: string;
  annual_loss_mean?: number | null;
  annual_rate?: number | null;
}

export interface IncidentMark {
  id: string;
  number: string;
  title?: string;
  /** When it counts on the risk's time line (detected). */
  at: string;
}

/** `GET /api/v1/risks/{id}/incidents`: how often the risk materialised (every incident counts) and the incidents the viewer may see. */
export interface RiskIncidents {
  risk_id: string;
  materialised: { last_12_months: number; ever: number };
  items: Array<{
    incident: { id: string; number: string; title: string; category: string; severity: number; phase: string; occurred_at: string | null; detected_at: string; closed_at: string | null };
    materialised_at: string;
    note: string;
    linked_at: string;
  }>;
  /** Counted above, but restricted from the viewer. */
  not_shown: number;
}

/** `GET /api/v1/risks/calibration`: per risk with realised losses, each incident's loss against the estimate at the time. */
export interface CalibrationRisk {
  risk_id: string;
  number: string;
  title: string;
  annual_loss_mean: number | null;
  annual_loss_p90: number | null;
  points: Array<{
    incident_id: string;
    incident_number: string;
    proposal_id: string;
    realised_loss: number | null;
    estimated_mean: number | null;
    estimated_p90: number | null;
    /** 0–1: where the realised loss landed in the estimated annual-loss distribution. */
    percentile: number | null;
    at: string | null;
  }>;
}

/** One row per (risk, incident): the table under the calibration chart. */
export interface CalibrationRow {
  riskId: string;
  risk: string;
  incidentId: string;
  incident: string;
  estimatedMean: number | null;
  estimatedP90: number | null;
  realised: number | null;
  percentile: number | null;
}

export function calibrationRows(risks: CalibrationRisk[]): CalibrationRow[] {
  return risks.flatMap((r) =>
    r.points.map((p) => ({
      riskId: r.risk_id,
      risk: `${r.number} ${r.title}`,
      incidentId: p.incident_id,
      incident: p.incident_number,
      estimatedMean: p.estimated_mean ?? r.annual_loss_mean,
      estimatedP90: p.estimated_p90 ?? r.annual_loss_p90,
      realised: p.realised_loss,
      percentile: p.percentile,
    })),
  );
}

/** The rank (1 = lowest) of a level among the matrix's levels; null when unknown. */
export function levelRank(levels: Array<{ id: string }>, level: string | null | undefined): number | null {
  const i = levels.findIndex((l) => l.id === level);
  return i < 0 ? null : i + 1;
}

/** Rows for the score chart: time as epoch ms, inherent and residual as level ranks. */
export function scoreRows(points: ScorePoint[], levels: Array<{ id: string }>): Array<{ t: number; inherent: number | null; residual: number | null }> {
  return points
    .map((p) => ({ t: Date.parse(p.at), inherent: levelRank(levels, p.inherent_level), residual: levelRank(levels, p.residual_level) }))
    .filter((r) => Number.isFinite(r.t))
    .sort((a, b) => a.t - b.t);
}

/**
 * Extends the score line to `now` (the level holds until the next change) so incidents after the last
 * change still land on the chart.
 */
export function extendToNow<T extends { t: number }>(rows: T[], now: number): T[] {
  const last = rows[rows.length - 1];
  return last && last.t < now ? [...rows, { ...last, t: now }] : rows;
}

/** Incidents as vertical markers on the score chart's time axis. */
export function incidentMarkers(incidents: IncidentMark[]): Array<{ x: number; label: string }> {
  return incidents.map((i) => ({ x: Date.parse(i.at), label: i.number })).filter((m) => Number.isFinite(m.x));
}

/** Points of the calibration chart (estimated mean on x, realised on y) and the diagonal's reach. */
export function calibrationPoints(rows: CalibrationRow[]): { points: Array<{ estimated: number; realised: number }>; max: number } {
  const points = rows
    .filter((r) => r.estimatedMean !== null && r.realised !== null && Number.isFinite(r.estimatedMean) && Number.isFinite(r.realised))
    .map((r) => ({ estimated: r.estimatedMean!, realised: r.realised! }));
  const max = points.reduce((m, p) => Math.max(m, p.estimated, p.realised), 0);
  return { points, max: max > 0 ? max * 1.05 : 1 };
}

/** "realised above the estimate's p90" and friends: how one risk's estimate fared, in words. */
export function calibrationVerdict(e: { percentile: number | null }): string {
  if (e.percentile === null) return 'no estimate to compare';
  if (e.percentile >= 0.9) return 'worse than 9 years in 10 of the estimate — underestimated';
  if (e.percentile <= 0.1) return 'lighter than 9 years in 10 of the estimate — overestimated';
  return 'within the estimated range';
}
