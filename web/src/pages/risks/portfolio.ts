import type { PortfolioContribution, Simulation, SimulationResult } from './types.js';

/** Reads a portfolio simulation's result whichever way the totals and contributions are nested. */
export function portfolioResult(simulation: Simulation | undefined): { totals: SimulationResult; contributions: PortfolioContribution[] } | null {
  const result = simulation?.result as (Record<string, unknown> & Partial<SimulationResult>) | null | undefined;
  if (!result) return null;
  const totals = (result.total as SimulationResult | undefined) ?? (result.totals as SimulationResult | undefined) ?? (typeof result.mean === 'number' ? (result as SimulationResult) : undefined);
  if (!totals) return null;
  const list = (result.contributions ?? result.risks ?? result.by_risk ?? []) as PortfolioContribution[];
  const contributions = [...list].sort((a, b) => (b.share_of_mean ?? 0) - (a.share_of_mean ?? 0));
  return { totals, contributions };
}

/** Progress as a percentage 0–100, whether the API counts in fractions or percent. */
export function progressPercent(progress: number | null | undefined): number {
  if (!progress || !Number.isFinite(progress)) return 0;
  return Math.max(0, Math.min(100, progress <= 1 ? progress * 100 : progress));
}

/** Rows for the contribution bar chart: share of the mean and of the p95 tail, in percent. */
export function contributionRows(contributions: PortfolioContribution[], limit = 20) {
  const pct = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.round((v <= 1 ? v * 100 : v) * 10) / 10 : 0);
  return contributions.slice(0, limit).map((c) => ({
    risk: c.number ?? c.risk_id,
    title: c.title ?? '',
    share_of_mean: pct(c.share_of_mean),
    share_of_p95: pct(c.share_of_tail ?? c.contribution_to_p95 ?? c.share_of_p95),
  }));
}
