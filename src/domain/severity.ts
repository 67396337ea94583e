import type { Severity } from './incident.js';

/**
 * NIST SP 800-61 Rev. 2 impact categories (tables 3-2, 3-3 and 3-4). Together they suggest a
 * severity; the responder decides.
 */
export const FUNCTIONAL_IMPACTS = ['none', 'low', 'medium', 'high'] as const;
export type FunctionalImpact = (typeof FUNCTIONAL_IMPACTS)[number];

export const INFORMATION_IMPACTS = ['none', 'privacy_breach', 'proprietary_breach', 'integrity_loss'] as const;
export type InformationImpact = (typeof INFORMATION_IMPACTS)[number];

export const RECOVERABILITIES = ['regular', 'supplemented', 'extended', 'not_recoverable'] as const;
export type Recoverability = (typeof RECOVERABILITIES)[number];

export interface ImpactRatings {
  functional_impact?: FunctionalImpact | null;
  information_impact?: InformationImpact | null;
  recoverability?: Recoverability | null;
}

const FUNCTIONAL_WEIGHT: Record<FunctionalImpact, number> = { none: 0, low: 1, medium: 2, high: 3 };
const INFORMATION_WEIGHT: Record<InformationImpact, number> = { none: 0, proprietary_breach: 2, privacy_breach: 2, integrity_loss: 3 };
const RECOVERABILITY_WEIGHT: Record<Recoverability, number> = { regular: 0, supplemented: 1, extended: 2, not_recoverable: 3 };

/**
 * The worst of the three ratings sets the severity: any "high"/unrecoverable/integrity-loss rating is
 * critical (1), a medium-class rating high (2), a low-class rating medium (3), nothing at all low (4).
 * Returns null when no rating is given.
 */
export function suggestSeverity(ratings: ImpactRatings): Severity | null {
  const weights: number[] = [];
  if (ratings.functional_impact) weights.push(FUNCTIONAL_WEIGHT[ratings.functional_impact]);
  if (ratings.information_impact) weights.push(INFORMATION_WEIGHT[ratings.information_impact]);
  if (ratings.recoverability) weights.push(RECOVERABILITY_WEIGHT[ratings.recoverability]);
  if (weights.length === 0) return null;
  const worst = Math.max(...weights);
  return (4 - worst) as Severity;
}
