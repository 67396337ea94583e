import { describe, expect, it } from 'vitest';
import { compareControl } from '../../src/domain/fair/compare.js';
import { lognormalParameters } from '../../src/domain/fair/distributions.js';
import { fairInputProblems, type FairInputs } from '../../src/domain/fair/inputs.js';
import { simulatePortfolio, simulatePortfolioRisk } from '../../src/domain/fair/portfolio.js';
import { simulate, simulateAnnualLosses } from '../../src/domain/fair/simulate.js';
import { exceedanceAt, exceedsTolerance, quantileSorted, summarise } from '../../src/domain/fair/statistics.js';

const SEED = 424242;

const pertMean = (a: number, m: number, b: number, g = 4) => (a + g * m + b) / (g + 2);
const pertVariance = (a: number, m: number, b: number, g = 4) => {
  const alpha = 1 + (g * (m - a)) / (b - a);
  const beta = 1 + (g * (b - m)) / (b - a);
  return ((b - a) ** 2 * alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1));
};

/** The mean of the simulated years within k standard errors of the closed form. */
function expectAnnualMean(inputs: FairInputs, truth: number, n = 200_000, k = 4) {
  const losses = simulateAnnualLosses(inputs, n, SEED);
  let sum = 0;
  for (const v of losses) sum += v;
  const mean = sum / n;
  let sq = 0;
  for (const v of losses) sq += (v - mean) ** 2;
  const se = Math.sqrt(sq / (n - 1) / n);
  expect(Math.abs(mean - truth), `simulated mean ${mean} vs closed form ${truth} (se ${se})`).toBeLessThan(k * se);
  expect(Math.abs(mean / truth - 1)).toBeLessThan(0.02);
  return losses;
}

describe('event-level Monte Carlo against closed forms', () => {
  it('fixed frequency and loss: the annual loss is Poisson(λ·v) events × loss', () => {
    const losses = expectAnnualMean({ threat_event_frequency: 3, vulnerability: 0.5, primary_loss: 1000 }, 3 * 0.5 * 1000);
    // every year is a whole number of events of exactly 1000; P(no loss) = exp(−λv)
    expect(losses.every((v) => v % 1000 === 0)).toBe(true);
    const none = losses.filter((v) => v === 0).length / losses.length;
    expect(Math.abs(none - Math.exp(-1.5))).toBeLessThan(4 * Math.sqrt((Math.exp(-1.5) * (1 - Math.exp(-1.5))) / losses.length));
  });

  it('compound Poisson: E[N]·p·E[L] with a PERT loss', () => {
    expectAnnualMean({ threat_event_frequency: 4, vulnerability: 0.25, primary_loss: { min: 1000, most_likely: 5000, max: 20000 } }, 4 * 0.25 * pertMean(1000, 5000, 20000));
  });

  it('compound Poisson with a lognormal loss: E[N]·p·exp(μ + σ²/2)', () => {
    const { mu, sigma } = lognormalParameters({ low: 10_000, high: 200_000 });
    expectAnnualMean({ threat_event_frequency: 2, vulnerability: 0.4, primary_loss: { low: 10_000, high: 200_000 } }, 2 * 0.4 * Math.exp(mu + sigma ** 2 / 2), 400_000);
  });

  it('uncertain frequency and vulnerability, with secondary loss: E[λ]·E[v]·(E[PL] + E[s]·E[SL])', () => {
    const inputs: FairInputs = {
      threat_event_frequency: { min: 0.5, most_likely: 2, max: 6 },
      vulnerability: { min: 0.1, most_likely: 0.3, max: 0.6 },
      primary_loss: { min: 2000, most_likely: 10_000, max: 80_000 },
      secondary_loss_probability: { min: 0.1, most_likely: 0.2, max: 0.5, gamma: 3 },
      secondary_loss: { min: 5000, most_likely: 50_000, max: 400_000 },
    };
    const truth = pertMean(0.5, 2, 6) * pertMean(0.1, 0.3, 0.6) * (pertMean(2000, 10_000, 80_000) + pertMean(0.1, 0.2, 0.5, 3) * pertMean(5000, 50_000, 400_000));
    expectAnnualMean(inputs, truth);
  });

  it('a frequent threat (λ ≥ 30, the PTRS branch) keeps the compound mean', () => {
    expectAnnualMean({ threat_event_frequency: { min: 30, most_likely: 50, max: 90 }, vulnerability: 0.1, primary_loss: 500 }, pertMean(30, 50, 90) * 0.1 * 500);
  });

  it('the variance of a compound Poisson sum is λ·p·E[L²]', () => {
    const [a, m, b] = [1000, 5000, 20000];
    const lambda = 3;
    const p = 0.5;
    const losses = simulateAnnualLosses({ threat_event_frequency: lambda, vulnerability: p, primary_loss: { min: a, most_likely: m, max: b } }, 400_000, SEED);
    const mean = losses.reduce((s, v) => s + v, 0) / losses.length;
    const variance = losses.reduce((s, v) => s + (v - mean) ** 2, 0) / (losses.length - 1);
    const truth = lambda * p * (pertVariance(a, m, b) + pertMean(a, m, b) ** 2);
    expect(Math.abs(variance / truth - 1)).toBeLessThan(0.02);
  });

  it('threat capability against resistance strength decides each event', () => {
    const always = simulate({ threat_event_frequency: 1, threat_capability: 80, resistance_strength: 50, primary_loss: 10 }, 50_000, SEED);
    const never = simulate({ threat_event_frequency: 1, threat_capability: 40, resistance_strength: 50, primary_loss: 10 }, 50_000, SEED);
    expect(Math.abs(always.mean - 10)).toBeLessThan(4 * Math.sqrt(100 / 50_000));
    expect(never.mean).toBe(0);
    // symmetric ranges: P(capability > resistance) = 1/2
    const half = simulate({ threat_event_frequency: 2, threat_capability: { min: 20, most_likely: 50, max: 80 }, resistance_strength: { min: 20, most_likely: 50, max: 80 }, primary_loss: 100 }, 200_000, SEED);
    expect(Math.abs(half.mean / 100 - 1)).toBeLessThan(0.02);
  });
});

describe('results', () => {
  const inputs: FairInputs = { threat_event_frequency: { min: 0.2, most_likely: 1, max: 4 }, vulnerability: 0.5, primary_loss: { low: 5000, high: 500_000 } };

  it('the same seed gives the identical result; another seed a different one', () => {
    const a = simulate(inputs, 20_000, 99);
    expect(simulate(inputs, 20_000, 99)).toEqual(a);
    expect(simulate(inputs, 20_000, 100).mean).not.toBe(a.mean);
    expect(a.seed).toBe(99);
    expect(a.iterations).toBe(20_000);
  });

  it('percentiles are ordered, probability of loss is the share of years with a loss', () => {
    const r = simulate(inputs, 50_000, SEED);
    expect(r.p10).toBeLessThanOrEqual(r.p50);
    expect(r.p50).toBeLessThanOrEqual(r.p90);
    expect(r.p90).toBeLessThanOrEqual(r.p95);
    expect(r.p95).toBeLessThanOrEqual(r.p99);
    const losses = simulateAnnualLosses(inputs, 50_000, SEED);
    expect(r.probability_of_loss).toBe(losses.filter((v) => v > 0).length / losses.length);
  });

  it('the loss exceedance curve has ~50 log-spaced points, falls, and starts at the probability of loss', () => {
    const r = simulate(inputs, 50_000, SEED);
    expect(r.lec).toHaveLength(50);
    expect(r.lec[0]!.probability).toBe(r.probability_of_loss);
    for (let i = 1; i < r.lec.length; i++) {
      expect(r.lec[i]!.loss).toBeGreaterThan(r.lec[i - 1]!.loss);
      expect(r.lec[i]!.probability).toBeLessThanOrEqual(r.lec[i - 1]!.probability);
    }
    const ratios = r.lec.slice(1, 10).map((p, i) => p.loss / r.lec[i]!.loss);
    for (const ratio of ratios) expect(ratio).toBeCloseTo(ratios[0]!, 2);
    expect(r.lec.at(-1)!.probability).toBe(1 / 50_000);
    // reading the curve at p90 gives about 10 %
    expect(exceedanceAt(r.lec, r.p90)).toBeGreaterThan(0.07);
    expect(exceedanceAt(r.lec, r.p90)).toBeLessThan(0.13);
  });

  it('no loss at all: zeros and an empty curve', () => {
    const r = simulate({ threat_event_frequency: 0, vulnerability: 1, primary_loss: 100 }, 1000, 1);
    expect(r).toMatchObject({ mean: 0, p99: 0, probability_of_loss: 0, lec: [] });
  });

  it('quantiles interpolate between order statistics', () => {
    const sorted = Float64Array.from([0, 10, 20, 30, 40]);
    expect(quantileSorted(sorted, 0.5)).toBe(20);
    expect(quantileSorted(sorted, 0.9)).toBe(36);
    expect(summarise(Float64Array.from([5, 0, 0, 0]), 1)).toMatchObject({ mean: 1.25, probability_of_loss: 0.25, p50: 0 });
  });

  it('the curve lies above a tolerance curve when a point of it is exceeded', () => {
    const lec = [{ loss: 1000, probability: 0.6 }, { loss: 10_000, probability: 0.2 }, { loss: 100_000, probability: 0.01 }];
    expect(exceedsTolerance(lec, [{ loss: 10_000, probability: 0.25 }])).toBe(false);
    expect(exceedsTolerance(lec, [{ loss: 10_000, probability: 0.15 }])).toBe(true);
    expect(exceedsTolerance(lec, [{ loss: 1_000_000, probability: 0 }])).toBe(false);
  });
});

describe('portfolio', () => {
  const risks = [
    { key: 'risk_a', inputs: { threat_event_frequency: 2, vulnerability: 0.3, primary_loss: { min: 1000, most_likely: 10_000, max: 50_000 } } },
    { key: 'risk_b', inputs: { threat_event_frequency: 0.1, vulnerability: 1, primary_loss: { low: 100_000, high: 5_000_000 } } },
    { key: 'risk_c', inputs: { threat_event_frequency: 12, vulnerability: 0.05, primary_loss: 2000 } },
  ] satisfies { key: string; inputs: FairInputs }[];

  it('sums the years: the mean is the sum of the means, the tail is less than the sum of the tails', () => {
    const p = simulatePortfolio(risks, 50_000, SEED);
    const sumOfMeans = p.risks.reduce((s, r) => s + r.mean, 0);
    expect(p.total.mean).toBeCloseTo(sumOfMeans, 6);
    expect(p.risks.reduce((s, r) => s + r.share_of_mean, 0)).toBeCloseTo(1, 9);
    expect(p.risks.reduce((s, r) => s + r.share_of_tail, 0)).toBeCloseTo(1, 9);
    // the percentiles are those of the summed years, not sums of the risks' percentiles
    const years = new Float64Array(50_000);
    const perRiskP90 = risks.map((r) => {
      const losses = simulatePortfolioRisk(r, 50_000, SEED);
      losses.forEach((v, i) => (years[i]! += v));
      return summarise(losses, SEED).p90;
    });
    expect(p.total).toEqual(summarise(years, SEED));
    expect(p.total.p90).not.toBeCloseTo(perRiskP90.reduce((s, v) => s + v, 0), 0);
    // the rare, heavy risk owns the tail far more than the mean
    const b = p.risks.find((r) => r.key === 'risk_b')!;
    expect(b.share_of_tail).toBeGreaterThan(b.share_of_mean);
  });

  it('does not depend on the order of the risks', () => {
    const a = simulatePortfolio(risks, 10_000, SEED);
    const b = simulatePortfolio([...risks].reverse(), 10_000, SEED);
    expect(b).toEqual(a);
  });
});

describe('before and after a control', () => {
  it('the reduction in mean annual loss and the return on the control', () => {
    const before: FairInputs = { threat_event_frequency: 4, vulnerability: 0.5, primary_loss: { min: 10_000, most_likely: 40_000, max: 200_000 } };
    const after: FairInputs = { ...before, vulnerability: 0.1 };
    const c = compareControl(before, after, 20_000, 100_000, SEED);
    expect(c.reduction_mean).toBeCloseTo(c.before.mean - c.after.mean, 6);
    expect(c.return_on_control).toBeCloseTo((c.reduction_mean - 20_000) / 20_000, 9);
    const expected = 4 * 0.4 * pertMean(10_000, 40_000, 200_000);
    expect(Math.abs(c.reduction_mean / expected - 1)).toBeLessThan(0.03);
    expect(compareControl(before, after, 0, 1000, 1).return_on_control).toBeNull();
  });
});

describe('input problems name the field', () => {
  it.each([
    [{ threat_event_frequency: -1, vulnerability: 0.5, primary_loss: 1 }, 'threat_event_frequency'],
    [{ threat_event_frequency: 1, vulnerability: 1.5, primary_loss: 1 }, 'vulnerability'],
    [{ threat_event_frequency: 1, vulnerability: 0.5, primary_loss: { min: 10, most_likely: 5, max: 1 } }, 'primary_loss.min'],
    [{ threat_event_frequency: 1, vulnerability: 0.5, primary_loss: { min: 1, most_likely: 50, max: 10 } }, 'primary_loss.most_likely'],
    [{ threat_event_frequency: 1, vulnerability: 0.5, primary_loss: { low: 0, high: 10 } }, 'primary_loss.low'],
    [{ threat_event_frequency: 1, vulnerability: 0.5, primary_loss: { low: 10, high: 10 } }, 'primary_loss.high'],
    [{ threat_event_frequency: 1, vulnerability: 0.5, primary_loss: 1, secondary_loss_probability: -0.1, secondary_loss: 5 }, 'secondary_loss_probability'],
    [{ threat_event_frequency: 1, primary_loss: 1 }, 'vulnerability'],
  ] as [FairInputs, string][])('%o → %s', (inputs, path) => {
    expect(fairInputProblems(inputs).map((p) => p.path)).toContain(path);
  });

  it('sound inputs have no problems', () => {
    expect(fairInputProblems({ threat_event_frequency: { low: 0.1, high: 3 }, vulnerability: { min: 0, most_likely: 0.2, max: 1 }, primary_loss: 1 })).toEqual([]);
  });
});
