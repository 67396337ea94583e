import { describe, expect, it } from 'vitest';
import { Z95, beta, gamma, lognormalParameters, pertShape, poisson, samplerOf } from '../../src/domain/fair/distributions.js';
import type { Factor } from '../../src/domain/fair/inputs.js';
import { Random } from '../../src/domain/fair/random.js';

/**
 * The samplers against closed forms at a fixed seed. Tolerances are a few standard errors of the
 * estimate (σ/√n), so they are tight and yet the check is a statistical one, not a snapshot.
 */

const SEED = 20261123;

function draws(factor: Factor, n: number, seed = SEED): Float64Array {
  const rng = new Random(seed);
  const sample = samplerOf(factor);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = sample(rng);
  return out;
}

function moments(values: Float64Array): { mean: number; variance: number } {
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let sq = 0;
  for (const v of values) sq += (v - mean) ** 2;
  return { mean, variance: sq / (values.length - 1) };
}

/** |estimate − truth| within k standard errors of the mean. */
function expectMeanNear(values: Float64Array, truth: number, sd: number, k = 4) {
  const { mean } = moments(values);
  const se = sd / Math.sqrt(values.length);
  expect(Math.abs(mean - truth), `mean ${mean} vs ${truth} (se ${se})`).toBeLessThan(k * se);
}

describe('random numbers', () => {
  it('the same seed gives the same sequence, another seed or stream another', () => {
    const a = new Random(7);
    const b = new Random(7);
    const c = new Random(8);
    const d = new Random(7, 1);
    const seqA = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(seqA);
    expect(Array.from({ length: 5 }, () => d.nextUint32())).not.toEqual(seqA);
  });

  it('uniforms lie in (0, 1) with mean 1/2 and variance 1/12', () => {
    const rng = new Random(SEED);
    const values = Float64Array.from({ length: 200_000 }, () => rng.uniform());
    expect(minOf(values)).toBeGreaterThan(0);
    expect(maxOf(values)).toBeLessThan(1);
    expectMeanNear(values, 0.5, Math.sqrt(1 / 12));
    expect(moments(values).variance).toBeCloseTo(1 / 12, 3);
  });

  it('normals have mean 0, variance 1 and the standard normal tail', () => {
    const rng = new Random(SEED);
    const values = Float64Array.from({ length: 400_000 }, () => rng.normal());
    expectMeanNear(values, 0, 1);
    expect(Math.abs(moments(values).variance - 1)).toBeLessThan(0.01);
    const beyond = values.filter((v) => v > Z95).length / values.length;
    expect(Math.abs(beyond - 0.05)).toBeLessThan(4 * Math.sqrt((0.05 * 0.95) / values.length));
    const farTail = values.filter((v) => Math.abs(v) > 3.5).length / values.length; // the ziggurat's base strip
    expect(Math.abs(farTail - 4.6527e-4)).toBeLessThan(4 * Math.sqrt(4.6527e-4 / values.length));
  });
});

describe('gamma and beta (Marsaglia–Tsang)', () => {
  it.each([0.4, 1, 2.5, 9])('Gamma(%f) has mean and variance equal to its shape', (shape) => {
    const rng = new Random(SEED);
    const values = Float64Array.from({ length: 200_000 }, () => gamma(rng, shape));
    expectMeanNear(values, shape, Math.sqrt(shape));
    expect(Math.abs(moments(values).variance / shape - 1)).toBeLessThan(0.03);
  });

  it('Beta(α, β) has mean α/(α+β)', () => {
    const rng = new Random(SEED);
    const [a, b] = [2.2, 5.1];
    const values = Float64Array.from({ length: 200_000 }, () => beta(rng, a, b));
    const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expectMeanNear(values, a / (a + b), Math.sqrt(variance));
  });
});

describe('modified PERT', () => {
  const cases = [
    { min: 0, most_likely: 10, max: 100 },
    { min: 1000, most_likely: 5000, max: 20000, gamma: 4 },
    { min: 2, most_likely: 3, max: 4, gamma: 10 },
    { min: 0, most_likely: 0.9, max: 1, gamma: 2 },
  ];

  it.each(cases)('mean is (a + γm + b)/(γ + 2) for %o', (range) => {
    const g = range.gamma ?? 4;
    const truth = (range.min + g * range.most_likely + range.max) / (g + 2);
    const { alpha, beta: b } = pertShape(range);
    const sd = (range.max - range.min) * Math.sqrt((alpha * b) / ((alpha + b) ** 2 * (alpha + b + 1)));
    const values = draws(range, 200_000);
    expectMeanNear(values, truth, sd);
    expect(minOf(values)).toBeGreaterThanOrEqual(range.min);
    expect(maxOf(values)).toBeLessThanOrEqual(range.max);
  });

  it.each([2, 4, 8, 20])('the Beta mode lands exactly on most_likely (gamma %i)', (g) => {
    for (const [min, most_likely, max] of [[0, 10, 100], [100, 900, 1000], [5, 5, 50], [-3, 1, 2]] as const) {
      const { alpha, beta: b } = pertShape({ min, most_likely, max, gamma: g });
      const mode = min + ((max - min) * (alpha - 1)) / (alpha + b - 2);
      expect(mode).toBeCloseTo(most_likely, 9);
    }
  });

  it('the histogram peaks at most_likely, not at the mean or the middle', () => {
    const range = { min: 0, most_likely: 10, max: 100 };
    const values = draws(range, 1_000_000);
    const bins = new Uint32Array(50); // width 2
    for (const v of values) bins[Math.min(49, Math.floor(v / 2))]!++;
    const peak = bins.indexOf(maxOf(bins));
    const peakCentre = peak * 2 + 1;
    expect(Math.abs(peakCentre - range.most_likely)).toBeLessThanOrEqual(3);
    // the mean (23.3) and the midpoint (50) are far from the peak
    expect(Math.abs(peakCentre - 23.33)).toBeGreaterThan(10);
  });

  it('min = max is that value', () => {
    expect([...draws({ min: 7, most_likely: 7, max: 7 }, 10)]).toEqual(Array(10).fill(7));
  });
});

describe('lognormal from a 90 % interval', () => {
  const range = { low: 1000, high: 100_000 };

  it('μ = (ln low + ln high)/2 and σ = (ln high − ln low)/(2·1.6448536)', () => {
    const { mu, sigma } = lognormalParameters(range);
    expect(mu).toBeCloseTo(Math.log(10_000), 12);
    expect(sigma).toBeCloseTo(Math.log(100) / (2 * 1.6448536), 6);
  });

  it('mean is exp(μ + σ²/2), and 5 % of draws fall below low and 5 % above high', () => {
    const { mu, sigma } = lognormalParameters(range);
    const truth = Math.exp(mu + sigma ** 2 / 2);
    const sd = Math.sqrt((Math.exp(sigma ** 2) - 1) * Math.exp(2 * mu + sigma ** 2));
    const values = draws(range, 1_000_000);
    expectMeanNear(values, truth, sd);
    const n = values.length;
    const se = 4 * Math.sqrt((0.05 * 0.95) / n);
    expect(Math.abs(values.filter((v) => v < range.low).length / n - 0.05)).toBeLessThan(se);
    expect(Math.abs(values.filter((v) => v > range.high).length / n - 0.05)).toBeLessThan(se);
  });
});

describe('Poisson', () => {
  it.each([0.05, 0.7, 3, 12, 29.5, 30, 45, 400])('λ = %f: mean and variance λ', (lambda) => {
    const rng = new Random(SEED);
    const values = Float64Array.from({ length: 200_000 }, () => poisson(rng, lambda));
    expectMeanNear(values, lambda, Math.sqrt(lambda));
    expect(Math.abs(moments(values).variance / lambda - 1)).toBeLessThan(0.03);
    expect(values.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
  });

  it('P(0) = exp(−λ) for inversion and PTRS alike', () => {
    for (const lambda of [2, 32]) {
      const rng = new Random(SEED);
      const n = 400_000;
      let zeros = 0;
      let at = 0;
      const k = Math.round(lambda);
      for (let i = 0; i < n; i++) {
        const x = poisson(rng, lambda);
        if (x === 0) zeros++;
        if (x === k) at++;
      }
      const pk = Math.exp(-lambda + k * Math.log(lambda) - lgammaInt(k + 1));
      expect(Math.abs(zeros / n - Math.exp(-lambda))).toBeLessThan(4 * Math.sqrt(Math.exp(-lambda) / n) + 1e-9);
      expect(Math.abs(at / n - pk)).toBeLessThan(4 * Math.sqrt((pk * (1 - pk)) / n));
    }
  });

  it('λ = 0 gives no events', () => {
    const rng = new Random(1);
    expect(poisson(rng, 0)).toBe(0);
  });
});

function lgammaInt(n: number): number {
  let s = 0;
  for (let i = 2; i < n; i++) s += Math.log(i);
  return s;
}

function minOf(values: ArrayLike<number>): number {
  let m = Infinity;
  for (let i = 0; i < values.length; i++) m = Math.min(m, values[i]!);
  return m;
}

function maxOf(values: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < values.length; i++) m = Math.max(m, values[i]!);
  return m;
}
