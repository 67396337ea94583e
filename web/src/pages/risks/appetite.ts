import type { RiskAppetite } from './types.js';

/** The tolerance curve as the settings form edits it (probability in percent). */
export interface PointDraft {
  loss: string;
  probability: string;
}

/** Parses the tolerance points typed in (probability in percent); problems by row. */
export function tolerancePoints(points: PointDraft[]): { points: RiskAppetite['loss_tolerance'] } | { error: string } {
  const out: RiskAppetite['loss_tolerance'] = [];
  for (const [i, p] of points.entries()) {
    const loss = Number(p.loss.replace(/[\s,_]/g, ''));
    const pct = Number(p.probability.replace(/[\s%]/g, ''));
    if (!(loss > 0)) return { error: `Point ${i + 1}: the loss must be a positive amount` };
    if (!(pct >= 0 && pct <= 100)) return { error: `Point ${i + 1}: the probability must be between 0 and 100 %` };
    out.push({ loss, probability: pct / 100 });
  }
  return { points: out.sort((a, b) => a.loss - b.loss) };
}

