import { DEFAULT_GAMMA, isLognormal, isPert, type Factor, type LognormalRange, type PertRange } from './inputs.js';
import type { Random } from './random.js';

/** z of the 95th percentile of the standard normal: a 90 % interval spans ±1.6448536 σ. */
export const Z95 = 1.6448536269514722;

/** Gamma(shape, 1) by Marsaglia and Tsang (2000); shape < 1 through the boost Gamma(shape + 1)·U^(1/shape). */
export function gamma(rng: Random, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * Math.pow(rng.uniform(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniform();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A Gamma(shape ≥ 1) sampler with Marsaglia–Tsang's constants worked out once. */
export function gammaSampler(shape: number): Sampler {
  if (shape < 1) return (rng) => gamma(rng, shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  return (rng) => {
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = rng.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = rng.uniform();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
    }
  };
}

/** Beta(α, β) as X / (X + Y) with X ~ Gamma(α), Y ~ Gamma(β). */
export function beta(rng: Random, alpha: number, b: number): number {
  const x = gamma(rng, alpha);
  const y = gamma(rng, b);
  return x / (x + y);
}

/** The Beta shape of a modified PERT: α = 1 + γ(m − a)/(b − a), β = 1 + γ(b − m)/(b − a). */
export function pertShape(range: PertRange): { alpha: number; beta: number } {
  const g = range.gamma ?? DEFAULT_GAMMA;
  const width = range.max - range.min;
  return { alpha: 1 + (g * (range.most_likely - range.min)) / width, beta: 1 + (g * (range.max - range.most_likely)) / width };
}

/** μ and σ of the lognormal whose 5th and 95th percentiles are low and high. */
export function lognormalParameters(range: LognormalRange): { mu: number; sigma: number } {
  const ll = Math.log(range.low);
  const lh = Math.log(range.high);
  return { mu: (ll + lh) / 2, sigma: (lh - ll) / (2 * Z95) };
}

/** ln k! — a table for small k, Stirling's series beyond. */
const LOG_FACTORIAL_TABLE: number[] = (() => {
  const table = [0];
  for (let k = 1; k < 256; k++) table.push(table[k - 1]! + Math.log(k));
  return table;
})();

export function logFactorial(k: number): number {
  if (k < LOG_FACTORIAL_TABLE.length) return LOG_FACTORIAL_TABLE[k]!;
  const x = k + 1;
  const x2 = x * x;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x2) + 1 / (1260 * x2 * x2 * x);
}

/** Poisson(λ): inversion by sequential search for λ < 30, Hörmann's PTRS (transformed rejection) beyond. */
export function poisson(rng: Random, lambda: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda < 30) {
    let p = Math.exp(-lambda);
    let s = p;
    const u = rng.uniform();
    const cap = lambda + 40 + 20 * Math.sqrt(lambda); // the sum can stall a rounding error short of 1
    let k = 0;
    while (u > s && k < cap) {
      k++;
      p *= lambda / k;
      s += p;
    }
    return k;
  }
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.uniform() - 0.5;
    const v = rng.uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - logFactorial(k)) return k;
  }
}

export type Sampler = (rng: Random) => number;

/** A factor turned into a sampler, with its parameters worked out once. */
export function samplerOf(factor: Factor): Sampler {
  if (typeof factor === 'number') return () => factor;
  if (isPert(factor)) {
    const { min, max } = factor;
    if (!(max > min)) return () => min;
    const { alpha, beta: b } = pertShape(factor);
    const width = max - min;
    const gx = gammaSampler(alpha);
    const gy = gammaSampler(b);
    return (rng) => {
      const x = gx(rng);
      return min + (width * x) / (x + gy(rng));
    };
  }
  if (isLognormal(factor)) {
    const { mu, sigma } = lognormalParameters(factor);
    return (rng) => Math.exp(mu + sigma * rng.normal());
  }
  throw new Error('unknown factor shape');
}

/** The factor's value when it is fixed, undefined when it is a range. */
export const constantOf = (factor: Factor | undefined): number | undefined => (typeof factor === 'number' ? factor : undefined);
