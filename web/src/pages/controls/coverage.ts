// No relative imports here: the unit tests load this file under Node's module rules.

interface CoverageControl {
  id: string;
  ref: string;
  title: string;
  risk_count: number;
}

interface CoverageRisk {
  id: string;
  number: string;
  title: string;
  residual_level: string;
  controls: Array<{ id: string }>;
}

/** Controls relied on by most risks first (ties by ref), the ones no risk relies on left out. */
export function mostReliedOn<C extends CoverageControl>(controls: C[], limit = Number.POSITIVE_INFINITY): C[] {
  return controls
    .filter((c) => c.risk_count > 0)
    .sort((a, b) => b.risk_count - a.risk_count || a.ref.localeCompare(b.ref, undefined, { numeric: true }))
    .slice(0, limit);
}

/**
 * Risks in the order the coverage view lists them: the ones with no control first (they need a
 * treatment decision), then by residual level (highest first, by the matrix's order of level ids),
 * then by number.
 */
export function risksForCoverage<R extends CoverageRisk>(risks: R[], levelOrder: string[]): R[] {
  const rank = (level: string) => {
    const i = levelOrder.indexOf(level);
    return i === -1 ? -1 : i;
  };
  return [...risks].sort(
    (a, b) =>
      Number(b.controls.length === 0) - Number(a.controls.length === 0) ||
      rank(b.residual_level) - rank(a.residual_level) ||
      a.number.localeCompare(b.number, undefined, { numeric: true }),
  );
}

/** The cells of a risk × control matrix: for each risk (row), whether it relies on each control (column). */
export function coverageMatrix(risks: CoverageRisk[], controls: Array<{ id: string }>): boolean[][] {
  return risks.map((risk) => {
    const relied = new Set(risk.controls.map((c) => c.id));
    return controls.map((c) => relied.has(c.id));
  });
}

/** The bar chart's rows: "GV.OC" with its risk count; the title goes in the tooltip. */
export function coverageBars(controls: CoverageControl[], limit = 15): Array<{ control: string; title: string; risks: number }> {
  return mostReliedOn(controls, limit).map((c) => ({ control: c.ref, title: c.title, risks: c.risk_count }));
}
