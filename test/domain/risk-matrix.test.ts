import { describe, expect, it } from 'vitest';
import { combinedReduction, residualRisk } from '../../src/domain/residual-risk.js';
import { DEFAULT_RISK_MATRIX, matrixProblems, riskLevel } from '../../src/domain/risk-matrix.js';

describe('the default risk matrix (NIST SP 800-30 Table I-2)', () => {
  it('combines likelihood and impact as the table says', () => {
    expect(riskLevel(DEFAULT_RISK_MATRIX, 'very_high', 'very_high')).toBe('very_high');
    expect(riskLevel(DEFAULT_RISK_MATRIX, 'moderate', 'high')).toBe('moderate');
    expect(riskLevel(DEFAULT_RISK_MATRIX, 'moderate', 'very_high')).toBe('high');
    expect(riskLevel(DEFAULT_RISK_MATRIX, 'low', 'very_high')).toBe('moderate');
    expect(riskLevel(DEFAULT_RISK_MATRIX, 'very_low', 'very_high')).toBe('low');
    expect(riskLevel(DEFAULT_RISK_MATRIX, 'very_high', 'very_low')).toBe('very_low');
  });

  it('is sound, and a broken table is named cell by cell', () => {
    expect(matrixProblems(DEFAULT_RISK_MATRIX)).toEqual([]);
    const broken = { ...DEFAULT_RISK_MATRIX, table: [...DEFAULT_RISK_MATRIX.table.slice(0, 4), ['low', 'extreme', 'low', 'low']] };
    expect(matrixProblems(broken).map((p) => p.path)).toEqual(['table.4', 'table.4.1']);
  });

  it('refuses a level it does not know, naming it', () => {
    expect(() => riskLevel(DEFAULT_RISK_MATRIX, 'certain', 'low')).toThrow(/Unknown risk matrix level/);
  });
});

describe('residual risk from controls', () => {
  it('combines independent controls and weighs them by implementation', () => {
    expect(combinedReduction([])).toBe(0);
    expect(combinedReduction([{ implementation_status: 'implemented', effectiveness: 50 }, { implementation_status: 'implemented', effectiveness: 50 }])).toBeCloseTo(0.75, 10);
    expect(combinedReduction([{ implementation_status: 'partially_implemented', effectiveness: 80 }])).toBeCloseTo(0.4, 10);
    expect(combinedReduction([{ implementation_status: 'planned', effectiveness: 90 }, { implementation_status: 'implemented', effectiveness: null }])).toBe(0);
  });

  it('lowers likelihood by the share of the scale the controls remove, and keeps impact', () => {
    const inherent = { likelihood: 'very_high', impact: 'high' };
    expect(residualRisk(DEFAULT_RISK_MATRIX, inherent, [])).toEqual({ likelihood: 'very_high', impact: 'high', level: 'high', assessed: false });
    expect(residualRisk(DEFAULT_RISK_MATRIX, inherent, [{ implementation_status: 'implemented', effectiveness: 50 }])).toEqual({ likelihood: 'moderate', impact: 'high', level: 'moderate', assessed: false });
    expect(residualRisk(DEFAULT_RISK_MATRIX, inherent, [{ implementation_status: 'implemented', effectiveness: 100 }]).likelihood).toBe('very_low');
    expect(residualRisk(DEFAULT_RISK_MATRIX, { likelihood: 'low', impact: 'high' }, [{ implementation_status: 'implemented', effectiveness: 100 }]).likelihood).toBe('very_low');
  });

  it('takes the residual the owner assessed over the derived one', () => {
    const score = residualRisk(DEFAULT_RISK_MATRIX, { likelihood: 'very_high', impact: 'high' }, [], { likelihood: 'low', impact: 'moderate' });
    expect(score).toEqual({ likelihood: 'low', impact: 'moderate', level: 'low', assessed: true });
  });
});
