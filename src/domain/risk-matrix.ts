import { invalid, type FieldProblem } from './errors.js';

/**
 * The qualitative risk matrix: likelihood levels × impact levels → a risk level, configurable per
 * organisation. The default follows NIST SP 800-30 Rev. 1: five levels each (Appendix G, Tables G-2,
 * G-3 and H-3) combined by Appendix I, Table I-2.
 */
export interface LikelihoodLevel {
  id: string;
  name: string;
  description: string;
  /** Events a year this level stands for (SP 800-30's frequency bands): [min, max), max null = open. */
  annual_rate: { min: number; max: number | null };
}

export interface ImpactLevel {
  id: string;
  name: string;
  description: string;
}

export interface RiskLevel {
  id: string;
  name: string;
  /** A CSS colour for heat maps. */
  color: string;
}

export interface RiskMatrix {
  likelihood_levels: LikelihoodLevel[];
  impact_levels: ImpactLevel[];
  levels: RiskLevel[];
  /** table[i][j]: the level id for likelihood_levels[i] and impact_levels[j]; all lists lowest first. */
  table: string[][];
}

export const FIVE_LEVELS = ['very_low', 'low', 'moderate', 'high', 'very_high'] as const;
const NAMES: Record<(typeof FIVE_LEVELS)[number], string> = { very_low: 'Very low', low: 'Low', moderate: 'Moderate', high: 'High', very_high: 'Very high' };

export const DEFAULT_RISK_MATRIX: RiskMatrix = {
  likelihood_levels: [
    { id: 'very_low', name: NAMES.very_low, description: 'Highly unlikely; less than once in 10 years.', annual_rate: { min: 0, max: 0.1 } },
    { id: 'low', name: NAMES.low, description: 'Unlikely; less than once a year but more than once in 10 years.', annual_rate: { min: 0.1, max: 1 } },
    { id: 'moderate', name: NAMES.moderate, description: 'Somewhat likely; 1 to 10 times a year.', annual_rate: { min: 1, max: 10 } },
    { id: 'high', name: NAMES.high, description: 'Highly likely; 10 to 100 times a year.', annual_rate: { min: 10, max: 100 } },
    { id: 'very_high', name: NAMES.very_high, description: 'Almost certain; more than 100 times a year.', annual_rate: { min: 100, max: null } },
  ],
  impact_levels: [
    { id: 'very_low', name: NAMES.very_low, description: 'Negligible adverse effect on operations, assets, individuals or other organisations.' },
    { id: 'low', name: NAMES.low, description: 'Limited adverse effect.' },
    { id: 'moderate', name: NAMES.moderate, description: 'Serious adverse effect.' },
    { id: 'high', name: NAMES.high, description: 'Severe or catastrophic adverse effect.' },
    { id: 'very_high', name: NAMES.very_high, description: 'Multiple severe or catastrophic adverse effects.' },
  ],
  levels: [
    { id: 'very_low', name: NAMES.very_low, color: '#2f9e44' },
    { id: 'low', name: NAMES.low, color: '#94d82d' },
    { id: 'moderate', name: NAMES.moderate, color: '#fab005' },
    { id: 'high', name: NAMES.high, color: '#f76707' },
    { id: 'very_high', name: NAMES.very_high, color: '#e03131' },
  ],
  // SP 800-30 Table I-2, rows re-ordered lowest likelihood first.
  table: [
    ['very_low', 'very_low', 'very_low', 'low', 'low'],
    ['very_low', 'low', 'low', 'low', 'moderate'],
    ['very_low', 'low', 'moderate', 'moderate', 'high'],
    ['very_low', 'low', 'moderate', 'high', 'very_high'],
    ['very_low', 'low', 'moderate', 'high', 'very_high'],
  ],
};

/** The level of a (likelihood, impact) pair; throws a 400 naming the unknown id. */
export function riskLevel(matrix: RiskMatrix, likelihood: string, impact: string): string {
  const i = matrix.likelihood_levels.findIndex((l) => l.id === likelihood);
  const j = matrix.impact_levels.findIndex((l) => l.id === impact);
  const problems: FieldProblem[] = [];
  if (i < 0) problems.push({ path: 'likelihood', message: `"${likelihood}" is not a likelihood level of the matrix (${matrix.likelihood_levels.map((l) => l.id).join(', ')})` });
  if (j < 0) problems.push({ path: 'impact', message: `"${impact}" is not an impact level of the matrix (${matrix.impact_levels.map((l) => l.id).join(', ')})` });
  if (problems.length) throw invalid('Unknown risk matrix level.', problems);
  return matrix.table[i]![j]!;
}

/** Position of a risk level, lowest 0; for comparing against the appetite and sorting. */
export function levelRank(matrix: RiskMatrix, level: string): number {
  return matrix.levels.findIndex((l) => l.id === level);
}

/** The problems of a matrix an administrator wants to save (empty when it is sound). */
export function matrixProblems(matrix: RiskMatrix): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const unique = (ids: string[], path: string) => {
    if (new Set(ids).size !== ids.length) problems.push({ path, message: 'level ids must be unique' });
  };
  unique(matrix.likelihood_levels.map((l) => l.id), 'likelihood_levels');
  unique(matrix.impact_levels.map((l) => l.id), 'impact_levels');
  unique(matrix.levels.map((l) => l.id), 'levels');
  const levels = new Set(matrix.levels.map((l) => l.id));
  if (matrix.table.length !== matrix.likelihood_levels.length) problems.push({ path: 'table', message: `needs one row per likelihood level (${matrix.likelihood_levels.length})` });
  matrix.table.forEach((row, i) => {
    if (row.length !== matrix.impact_levels.length) problems.push({ path: `table.${i}`, message: `needs one cell per impact level (${matrix.impact_levels.length})` });
    row.forEach((cell, j) => {
      if (!levels.has(cell)) problems.push({ path: `table.${i}.${j}`, message: `"${cell}" is not one of the levels` });
    });
  });
  return problems;
}
