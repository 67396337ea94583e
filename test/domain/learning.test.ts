import { describe, expect, it } from 'vitest';
import { controlLesson, evidenceLine } from '../../src/domain/learning/controls.js';
import { bandRate, likelihoodForRate, observationYears, ratePrior, scaleFrequency, updateRate } from '../../src/domain/learning/frequency.js';
import { gammaCdf, gammaQuantile, logGamma } from '../../src/domain/learning/gamma.js';
import { lossPercentile, realisedTotal } from '../../src/domain/learning/loss.js';
import { DEFAULT_RISK_MATRIX } from '../../src/domain/risk-matrix.js';

const M = DEFAULT_RISK_MATRIX;
const level = (id: string) => M.likelihood_levels.find((l) => l.id === id)!;

describe('gamma distribution', () => {
  it('ln Γ matches factorials and Γ(1/2) = √π', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12); // Γ(5) = 4! = 24
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(logGamma(10.5)).toBeCloseTo(Math.log(1133278.3889487854), 9); // Γ(10.5) = 9.5·8.5·…·0.5·√π
  });

  it('the CDF of shape 1 is the exponential and of shape 2 is 1 − e^{−βx}(1 + βx)', () => {
    expect(gammaCdf(1, 2, 0.7)).toBeCloseTo(1 - Math.exp(-1.4), 12);
    expect(gammaCdf(2, 2.5, 1)).toBeCloseTo(1 - Math.exp(-2.5) * 3.5, 12);
    // The continued-fraction side (x > a + 1): shape 2, x = 10 → 1 − 11e^{−10}.
    expect(gammaCdf(2, 1, 10)).toBeCloseTo(1 - 11 * Math.exp(-10), 12);
  });

  it('the quantile of shape 1 is −ln(1 − p)/β', () => {
    // Gamma(1, 2): q05 = −ln 0.95 / 2 = 0.0256466, q95 = ln 20 / 2 = 1.4978661.
    expect(gammaQuantile(1, 2, 0.05)).toBeCloseTo(-Math.log(0.95) / 2, 9);
    expect(gammaQuantile(1, 2, 0.95)).toBeCloseTo(Math.log(20) / 2, 9);
  });

  it('the quantile inverts the CDF for small and large shapes', () => {
    for (const [shape, rate, p] of [[0.3, 1, 0.05], [2, 2.5, 0.95], [50, 3, 0.5], [0.05, 10, 0.9]] as const) {
      expect(gammaCdf(shape, rate, gammaQuantile(shape, rate, p))).toBeCloseTo(p, 9);
    }
  });
});

describe('rates and likelihood bands (NIST SP 800-30 default matrix)', () => {
  it('reads a band as its geometric mean, the open top as min × 3, the bottom as max / 3', () => {
    expect(bandRate(level('very_low'))).toBeCloseTo(0.1 / 3, 12); // [0, 0.1): 0.0333
    expect(bandRate(level('low'))).toBeCloseTo(Math.sqrt(0.1), 12); // [0.1, 1): 0.3162
    expect(bandRate(level('moderate'))).toBeCloseTo(Math.sqrt(10), 12); // [1, 10): 3.162
    expect(bandRate(level('very_high'))).toBe(300); // [100, ∞): 300
  });

  it('maps a rate to the band holding it, [min, max)', () => {
    expect(likelihoodForRate(M, 0).id).toBe('very_low');
    expect(likelihoodForRate(M, 0.1).id).toBe('low');
    expect(likelihoodForRate(M, 0.99).id).toBe('low');
    expect(likelihoodForRate(M, 1).id).toBe('moderate');
    expect(likelihoodForRate(M, 5000).id).toBe('very_high');
  });

  it('takes the stated annual rate as the prior, else the likelihood band', () => {
    expect(ratePrior(M, 'low', 0.5, 2)).toEqual({ rate: 0.5, years: 2, from: 'annual_rate' });
    expect(ratePrior(M, 'low', null, 1)).toEqual({ rate: Math.sqrt(0.1), years: 1, from: 'likelihood_band' });
    expect(ratePrior(M, 'nonsense', null, 1)).toBeNull();
  });

  it('counts observation in years, at least a month', () => {
    expect(observationYears('2026-01-01T00:00:00.000Z', '2026-07-02T12:00:00.000Z')).toBeCloseTo(182.5 / 365.25, 12);
    expect(observationYears('2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z')).toBeCloseTo(1 / 12, 12);
  });
});

describe('gamma–Poisson update, against hand-computed posteriors', () => {
  it('0.5 a year worth 2 years, one incident in half a year', () => {
    // Prior α = 0.5 × 2 = 1, β = 2 (mean 0.5). Posterior α = 1 + 1 = 2, β = 2 + 0.5 = 2.5, mean 2 / 2.5 = 0.8.
    // Shape 2: P(X ≤ x) = 1 − e^{−y}(1 + y), y = 2.5x. Solving e^{−y}(1 + y) = 0.95 gives y = 0.355362,
    // so q05 = 0.142145; e^{−y}(1 + y) = 0.05 gives y = 4.743865, so q95 = 1.897546.
    const u = updateRate({ rate: 0.5, years: 2 }, 1, 0.5);
    expect(u.prior).toMatchObject({ shape: 1, rate: 2, mean: 0.5 });
    expect(u.prior.low).toBeCloseTo(-Math.log(0.95) / 2, 6); // shape 1: exponential
    expect(u.posterior.shape).toBe(2);
    expect(u.posterior.rate).toBe(2.5);
    expect(u.posterior.mean).toBeCloseTo(0.8, 12);
    expect(u.posterior.low).toBeCloseTo(0.142145, 5);
    expect(u.posterior.high).toBeCloseTo(1.897546, 5);
    expect(likelihoodForRate(M, u.posterior.mean).id).toBe('low');
  });

  it('a "low" risk from its band, one incident in a year: stays low', () => {
    // Prior α = √0.1 = 0.316228, β = 1. Posterior α = 1.316228, β = 2: mean 0.658114 (low: [0.1, 1)).
    const prior = ratePrior(M, 'low', null, 1)!;
    const u = updateRate(prior, 1, 1);
    expect(u.posterior.shape).toBeCloseTo(1.316228, 6);
    expect(u.posterior.mean).toBeCloseTo(0.658114, 6);
    expect(likelihoodForRate(M, u.posterior.mean).id).toBe('low');
    // 90 % credible interval 0.0613–1.7918 (checked against scipy.stats.gamma.ppf).
    expect(u.posterior.low).toBeCloseTo(0.061296, 5);
    expect(u.posterior.high).toBeCloseTo(1.791783, 5);
  });

  it('two incidents in a quarter move a "low" risk to "moderate"', () => {
    // α = 0.316228 + 2 = 2.316228, β = 1 + 0.25 = 1.25: mean 1.852982 a year (moderate: [1, 10)).
    const u = updateRate(ratePrior(M, 'low', null, 1)!, 2, 0.25);
    expect(u.posterior.mean).toBeCloseTo(1.852982, 6);
    expect(likelihoodForRate(M, u.posterior.mean).id).toBe('moderate');
  });

  it('a stated rate of zero has no prior interval but a posterior one', () => {
    const u = updateRate({ rate: 0, years: 1 }, 1, 1);
    expect(u.prior.low).toBeNull();
    expect(u.posterior).toMatchObject({ shape: 1, rate: 2, mean: 0.5 });
  });

  it('scales a FAIR threat event frequency by posterior mean / prior mean', () => {
    expect(scaleFrequency(4, 1.6)).toBe(6.4);
    expect(scaleFrequency({ min: 1, most_likely: 2, max: 5 }, 1.6)).toEqual({ min: 1.6, most_likely: 3.2, max: 8 });
    expect(scaleFrequency({ low: 0.5, high: 3 }, 2)).toEqual({ low: 1, high: 6 });
  });
});

describe('control rule', () => {
  const now = '2026-11-23T10:00:00.000Z';
  const control = { effectiveness: 75, next_test_at: '2027-06-01T00:00:00.000Z', last_tested_at: null, evidence_notes: 'Tested in May.' };
  const line = evidenceLine(now, 'INC-0007', 'failed', 'phish got through');

  it('failed: effectiveness halved and rounded (75 → 38), next test within 30 days, the outcome in the evidence', () => {
    const lesson = controlLesson(control, 'failed', now, line);
    expect(lesson.kind).toBe('control_effectiveness');
    expect(lesson.after).toEqual({ effectiveness: 38, next_test_at: '2026-12-23T10:00:00.000Z', evidence_notes: 'Tested in May.\n2026-11-23 INC-0007: failed — phish got through' });
  });

  it('keeps an earlier next test', () => {
    expect(controlLesson({ ...control, next_test_at: '2026-12-01T00:00:00.000Z' }, 'bypassed', now, line).after.next_test_at).toBe('2026-12-01T00:00:00.000Z');
  });

  it('absent: effectiveness 0 noted', () => {
    expect(controlLesson(control, 'absent', now, line).after.effectiveness).toBe(0);
  });

  it('worked or detected: evidence, tested now', () => {
    const lesson = controlLesson(control, 'worked', now, evidenceLine(now, 'INC-0007', 'worked', ''));
    expect(lesson).toMatchObject({ kind: 'control_evidence', after: { last_tested_at: now, evidence_notes: 'Tested in May.\n2026-11-23 INC-0007: worked' } });
  });
});

describe('realised loss', () => {
  it('totals the forms that have an amount', () => {
    expect(realisedTotal({ productivity: 1000, response: 2500, fines_and_judgements: null })).toBe(3500);
    expect(realisedTotal({ productivity: null })).toBeNull();
    expect(realisedTotal(null)).toBeNull();
  });

  it('reads the percentile off the loss exceedance curve: 1 − P(loss ≥ realised)', () => {
    const lec = [
      { loss: 1000, probability: 0.8 },
      { loss: 10_000, probability: 0.3 },
      { loss: 100_000, probability: 0.05 },
    ];
    expect(lossPercentile(lec, 10_000)).toBeCloseTo(0.7, 12);
    // Log-linear between points: 31 622.8 is half-way (in log) from 10 000 to 100 000 → P = 0.175.
    expect(lossPercentile(lec, Math.sqrt(1e9))).toBeCloseTo(0.825, 9);
    expect(lossPercentile(lec, 1e6)).toBe(1);
  });
});
