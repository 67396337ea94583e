import { constantOf, poisson, samplerOf } from './distributions.js';
import type { FairInputs } from './inputs.js';
import { Random } from './random.js';
import { summarise, type SimulationResult } from './statistics.js';

/**
 * Event-level Monte Carlo of one risk: for each simulated year
 *  1. the threat event frequency λ is drawn from its range (the uncertainty about the rate),
 *  2. the number of threat events N ~ Poisson(λ),
 *  3. vulnerability v and the secondary loss probability s are drawn once for the year (v when the
 *     year has a threat event, s when it has a loss event: a draw nothing uses is skipped),
 *  4. each threat event becomes a loss event with probability v (or, with threat capability and
 *     resistance strength given, when a capability drawn for the event exceeds a resistance drawn for it),
 *  5. each loss event draws its own primary loss, and with probability s a secondary loss with its own magnitude.
 * The year's loss is the sum. The expected annual loss is E[λ]·E[v]·(E[primary] + E[s]·E[secondary]).
 */
export function simulateAnnualLosses(inputs: FairInputs, iterations: number, seed: number, stream = 0): Float64Array {
  const rng = new Random(seed, stream);
  const losses = new Float64Array(iterations);

  const tefConst = constantOf(inputs.threat_event_frequency);
  const tef = samplerOf(inputs.threat_event_frequency);
  const capabilityMode = inputs.vulnerability === undefined;
  const vulnConst = capabilityMode ? undefined : constantOf(inputs.vulnerability);
  const vuln = capabilityMode ? undefined : samplerOf(inputs.vulnerability!);
  const tcap = capabilityMode ? samplerOf(inputs.threat_capability!) : undefined;
  const rs = capabilityMode ? samplerOf(inputs.resistance_strength!) : undefined;
  const primary = samplerOf(inputs.primary_loss);
  const hasSecondary = inputs.secondary_loss !== undefined;
  const secondary = hasSecondary ? samplerOf(inputs.secondary_loss!) : undefined;
  const slefFactor = inputs.secondary_loss_probability ?? 1;
  const slefConst = constantOf(slefFactor);
  const slef = samplerOf(slefFactor);

  for (let year = 0; year < iterations; year++) {
    const lambda = tefConst ?? tef(rng);
    const events = poisson(rng, lambda);
    if (events === 0) continue;
    const v = capabilityMode ? 0 : (vulnConst ?? vuln!(rng));
    let s = -1; // the year's secondary loss probability, drawn at its first loss event
    let total = 0;
    for (let e = 0; e < events; e++) {
      const loss = capabilityMode ? tcap!(rng) > rs!(rng) : rng.uniform() < v;
      if (!loss) continue;
      total += primary(rng);
      if (!hasSecondary) continue;
      if (s < 0) s = slefConst ?? slef(rng);
      if (s >= 1 || rng.uniform() < s) total += secondary!(rng);
    }
    losses[year] = total;
  }
  return losses;
}

/** One risk: simulate and summarise. */
export function simulate(inputs: FairInputs, iterations: number, seed: number): SimulationResult {
  return summarise(simulateAnnualLosses(inputs, iterations, seed), seed);
}
