import { riskLevel, type RiskMatrix } from './risk-matrix.js';

/** What a risk relies on, as residual scoring sees it. */
export interface ReliedOnControl {
  implementation_status: string;
  /** 0–100, null when never assessed. */
  effectiveness: number | null;
}

/** How much of a control's effectiveness counts, by implementation status. */
const STATUS_WEIGHT: Record<string, number> = {
  implemented: 1,
  partially_implemented: 0.5,
  planned: 0,
  not_implemented: 0,
  not_applicable: 0,
};

/**
 * The combined reduction of independent controls: 1 − Π(1 − eᵢ·wᵢ), each effectiveness eᵢ in [0, 1]
 * weighted by its implementation status. A control never assessed counts for nothing.
 */
export function combinedReduction(controls: readonly ReliedOnControl[]): number {
  let remaining = 1;
  for (const c of controls) remaining *= 1 - ((c.effectiveness ?? 0) / 100) * (STATUS_WEIGHT[c.implementation_status] ?? 0);
  return 1 - remaining;
}

export interface ResidualScore {
  likelihood: string;
  impact: string;
  level: string;
  /** True when the owner set the residual by hand rather than it being derived from the controls. */
  assessed: boolean;
}

/**
 * Inherent → residual. Controls reduce likelihood (they prevent or detect the event): the combined
 * reduction moves the likelihood down by that share of the scale's steps, rounded down, so a single
 * 50 %-effective control on a five-level scale lowers it by two steps and a weak one not at all.
 * Impact stays. A residual the owner assessed by hand wins over the derived one.
 */
export function residualRisk(
  matrix: RiskMatrix,
  inherent: { likelihood: string; impact: string },
  controls: readonly ReliedOnControl[],
  assessed?: { likelihood: string | null; impact: string | null },
): ResidualScore {
  if (assessed?.likelihood && assessed.impact) {
    return { likelihood: assessed.likelihood, impact: assessed.impact, level: riskLevel(matrix, assessed.likelihood, assessed.impact), assessed: true };
  }
  riskLevel(matrix, inherent.likelihood, inherent.impact);
  const index = matrix.likelihood_levels.findIndex((l) => l.id === inherent.likelihood);
  const steps = Math.floor(combinedReduction(controls) * (matrix.likelihood_levels.length - 1) + 1e-9);
  const likelihood = matrix.likelihood_levels[Math.max(0, index - steps)]!.id;
  return { likelihood, impact: inherent.impact, level: riskLevel(matrix, likelihood, inherent.impact), assessed: false };
}
