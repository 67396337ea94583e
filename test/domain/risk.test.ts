import { describe, expect, it } from 'vitest';
import { acceptanceExpired, formatRiskNumber, lecOf, nextReviewAfter, normaliseTechniques, scoreRisk, treatmentDetailProblems } from '../../src/domain/risk.js';
import { DEFAULT_RISK_APPETITE } from '../../src/domain/risk-appetite.js';
import { DEFAULT_RISK_MATRIX } from '../../src/domain/risk-matrix.js';

const paths = (problems: { path: string }[]) => problems.map((p) => p.path);

describe('risk numbers and reviews', () => {
  it('numbers risks RISK-0001 and beyond 9999', () => {
    expect(formatRiskNumber(1)).toBe('RISK-0001');
    expect(formatRiskNumber(12345)).toBe('RISK-12345');
  });
  it('schedules the next review one cadence later', () => {
    expect(nextReviewAfter('2026-01-31T10:00:00.000Z', 90)).toBe('2026-05-01T10:00:00.000Z');
  });
  it('writes techniques upper case, unique, sorted', () => {
    expect(normaliseTechniques(['t1566.001', 'T1486', ' T1486 '])).toEqual(['T1486', 'T1566.001']);
  });
});

describe('treatmentDetailProblems', () => {
  it('needs who, why and until for an acceptance', () => {
    expect(paths(treatmentDetailProblems('accept', {}))).toEqual(['treatment_details.accepted_by', 'treatment_details.reason', 'treatment_details.until']);
    expect(treatmentDetailProblems('accept', { accepted_by: 'usr_1', reason: 'cost', until: '2027-01-01T00:00:00Z' })).toEqual([]);
    expect(paths(treatmentDetailProblems('accept', { accepted_by: 'usr_1', reason: 'cost', until: '2026-01-01T00:00:00Z', accepted_at: '2026-02-01T00:00:00Z' }))).toEqual(['treatment_details.until']);
  });
  it('needs the party and the reference for a transfer', () => {
    expect(paths(treatmentDetailProblems('transfer', { party: 'Insurer AG' }))).toEqual(['treatment_details.reference']);
    expect(paths(treatmentDetailProblems('transfer', { party: 'Insurer AG', reference: 'P-1', kind: 'lease' }))).toEqual(['treatment_details.kind']);
    expect(treatmentDetailProblems('transfer', { party: 'Insurer AG', reference: 'P-1', kind: 'insurance' })).toEqual([]);
  });
  it('takes mitigate and avoid with optional text, and no details without a treatment', () => {
    expect(treatmentDetailProblems('mitigate', { plan: 'MFA everywhere' })).toEqual([]);
    expect(treatmentDetailProblems('avoid', {})).toEqual([]);
    expect(paths(treatmentDetailProblems(null, { plan: 'x' }))).toEqual(['treatment_details']);
  });
  it('knows when an acceptance expired', () => {
    expect(acceptanceExpired('accept', { until: '2026-01-01T00:00:00.000Z' }, '2026-01-02T00:00:00.000Z')).toBe(true);
    expect(acceptanceExpired('accept', { until: '2026-01-03T00:00:00.000Z' }, '2026-01-02T00:00:00.000Z')).toBe(false);
    expect(acceptanceExpired('mitigate', { until: '2026-01-01T00:00:00.000Z' }, '2026-01-02T00:00:00.000Z')).toBe(false);
  });
});

describe('scoreRisk', () => {
  const risk = { status: 'assessed', inherent_likelihood: 'high', inherent_impact: 'very_high', residual_likelihood: null, residual_impact: null };
  it('scores inherent from the matrix and residual from the controls', () => {
    expect(scoreRisk(DEFAULT_RISK_MATRIX, DEFAULT_RISK_APPETITE, risk, [], null)).toEqual({
      inherent_level: 'very_high', residual_level: 'very_high', scored_residual_likelihood: 'high', scored_residual_impact: 'very_high', over_appetite: true,
    });
    const controlled = scoreRisk(DEFAULT_RISK_MATRIX, DEFAULT_RISK_APPETITE, risk, [{ implementation_status: 'implemented', effectiveness: 80 }], null);
    // 80 % of four steps, rounded down, is three: high → very_low; (very_low, very_high) is low in Table I-2.
    expect(controlled).toMatchObject({ scored_residual_likelihood: 'very_low', scored_residual_impact: 'very_high', residual_level: 'low', over_appetite: false });
  });
  it('keeps a residual set by hand', () => {
    expect(scoreRisk(DEFAULT_RISK_MATRIX, DEFAULT_RISK_APPETITE, { ...risk, residual_likelihood: 'low', residual_impact: 'moderate' }, [{ implementation_status: 'implemented', effectiveness: 100 }], null)).toMatchObject({
      scored_residual_likelihood: 'low', scored_residual_impact: 'moderate', residual_level: 'low',
    });
  });
  it('names every unknown level and a half-set residual', () => {
    expect(() => scoreRisk(DEFAULT_RISK_MATRIX, DEFAULT_RISK_APPETITE, { ...risk, inherent_impact: 'huge', residual_likelihood: 'low' }, [], null)).toThrow(
      expect.objectContaining({ kind: 'validation', errors: [expect.objectContaining({ path: 'inherent_impact' }), expect.objectContaining({ path: 'residual_impact' })] }),
    );
  });
});

describe('lecOf', () => {
  it('reads the curve of a stored result and nothing else', () => {
    expect(lecOf({ lec: [{ loss: 1, probability: 0.5 }, { bogus: true }] })).toEqual([{ loss: 1, probability: 0.5 }]);
    expect(lecOf({ mean: 3 })).toBeNull();
    expect(lecOf(null)).toBeNull();
  });
});
