/**
 * The server's rule (NIST SP 800-61 impact ratings), mirrored so the form can suggest a severity as
 * the ratings are picked: the worst rating wins; none/low/medium/high map to 4/3/2/1.
 */
const FUNCTIONAL: Record<string, number> = { none: 0, low: 1, medium: 2, high: 3 };
const INFORMATION: Record<string, number> = { none: 0, privacy_breach: 2, proprietary_breach: 2, integrity_loss: 3 };
const RECOVERABILITY: Record<string, number> = { regular: 0, supplemented: 1, extended: 2, not_recoverable: 3 };

export interface ImpactRatings {
  functional_impact: string;
  information_impact: string;
  recoverability: string;
}

export function suggestSeverity(ratings: ImpactRatings): number | null {
  const weights = [
    FUNCTIONAL[ratings.functional_impact],
    INFORMATION[ratings.information_impact],
    RECOVERABILITY[ratings.recoverability],
  ].filter((w): w is number => w !== undefined);
  if (weights.length === 0) return null;
  return 4 - Math.max(...weights);
}
