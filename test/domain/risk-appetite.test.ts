import { describe, expect, it } from 'vitest';
import { appetiteProblems, DEFAULT_RISK_APPETITE, exceedanceAt, exceedsTolerance, isOverAppetite } from '../../src/domain/risk-appetite.js';
import { DEFAULT_RISK_MATRIX } from '../../src/domain/risk-matrix.js';

const lec = [
  { loss: 1_000, probability: 0.9 },
  { loss: 10_000, probability: 0.5 },
  { loss: 1_000_000, probability: 0.1 },
];

describe('exceedanceAt', () => {
  it('reads the curve at its points and interpolates log-linearly in loss between them', () => {
    expect(exceedanceAt(lec, 10_000)).toBeCloseTo(0.5, 12);
    // 100,000 is half-way between 10^4 and 10^6 in log: half-way between 0.5 and 0.1.
    expect(exceedanceAt(lec, 100_000)).toBeCloseTo(0.3, 12);
    expect(exceedanceAt(lec, 3_162.2776601683795)).toBeCloseTo(0.7, 9);
  });

  it('holds the first probability below the curve, is 0 beyond it, and ignores point order', () => {
    expect(exceedanceAt(lec, 10)).toBe(0.9);
    expect(exceedanceAt(lec, 2_000_000)).toBe(0);
    expect(exceedanceAt([...lec].reverse(), 100_000)).toBeCloseTo(0.3, 12);
    expect(exceedanceAt([], 100)).toBe(0);
  });
});

describe('exceedsTolerance', () => {
  it('exceeds when at some tolerance loss the curve is above the tolerance probability', () => {
    expect(exceedsTolerance(lec, [{ loss: 100_000, probability: 0.25 }])).toBe(true);
    expect(exceedsTolerance(lec, [{ loss: 100_000, probability: 0.3 }])).toBe(false);
    expect(exceedsTolerance(lec, [{ loss: 10_000, probability: 0.6 }, { loss: 5_000_000, probability: 0 }])).toBe(false);
    expect(exceedsTolerance(lec, [{ loss: 10_000, probability: 0.6 }, { loss: 500_000, probability: 0.1 }])).toBe(true);
    expect(exceedsTolerance(lec, [])).toBe(false);
  });
});

describe('isOverAppetite', () => {
  const appetite = { ...DEFAULT_RISK_APPETITE, loss_tolerance: [{ loss: 100_000, probability: 0.2 }] };
  it('is over when the residual level ranks above the maximum', () => {
    expect(isOverAppetite(DEFAULT_RISK_MATRIX, appetite, { status: 'assessed', residual_level: 'moderate' })).toBe(false);
    expect(isOverAppetite(DEFAULT_RISK_MATRIX, appetite, { status: 'assessed', residual_level: 'high' })).toBe(true);
  });
  it('is over when the loss exceedance curve lies above the tolerance, whatever the level', () => {
    expect(isOverAppetite(DEFAULT_RISK_MATRIX, appetite, { status: 'assessed', residual_level: 'low', lec })).toBe(true);
    expect(isOverAppetite(DEFAULT_RISK_MATRIX, { ...appetite, loss_tolerance: [] }, { status: 'assessed', residual_level: 'low', lec })).toBe(false);
  });
  it('never flags a closed risk', () => {
    expect(isOverAppetite(DEFAULT_RISK_MATRIX, appetite, { status: 'closed', residual_level: 'very_high', lec })).toBe(false);
  });
});

describe('appetiteProblems', () => {
  it('names unknown levels, bad probabilities and losses that do not increase', () => {
    expect(appetiteProblems(DEFAULT_RISK_MATRIX, DEFAULT_RISK_APPETITE)).toEqual([]);
    const problems = appetiteProblems(DEFAULT_RISK_MATRIX, {
      max_level: 'medium',
      loss_tolerance: [{ loss: 100, probability: 0.5 }, { loss: 50, probability: 1.5 }],
      currency: 'eur',
    });
    expect(problems.map((p) => p.path)).toEqual(['max_level', 'loss_tolerance.1.probability', 'loss_tolerance.1.loss', 'currency']);
  });
});
