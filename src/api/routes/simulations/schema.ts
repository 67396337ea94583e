import { z } from 'zod';
import { instantOut, pageOf, pageQuery } from '../../schemas.js';
import {
  DEFAULT_GAMMA,
  DEFAULT_ITERATIONS,
  FACTOR_KINDS,
  MAX_ITERATIONS,
  MAX_PORTFOLIO_ITERATIONS,
  MAX_SEED,
  factorProblems,
  crossFieldProblems,
  type FactorKind,
  type FairInputs,
} from '../../../domain/fair/inputs.js';

const pert = z
  .strictObject({
    min: z.number(),
    most_likely: z.number(),
    max: z.number(),
    gamma: z.number().optional().describe(`Weight of the most likely value (modified PERT); default ${DEFAULT_GAMMA}`),
  })
  .describe('Three-point estimate, drawn from a modified PERT distribution');

const lognormal = z
  .strictObject({ low: z.number(), high: z.number() })
  .describe('90 % confidence interval (5th and 95th percentile), drawn from a lognormal distribution');

const factorShape = z.union([z.number(), pert, lognormal], {
  error: 'expected a number, {min, most_likely, max, gamma?} or {low, high}',
});

/** One factor, with the bounds of what it measures checked (each problem names its field). */
const factor = (kind: FactorKind, description: string) =>
  factorShape
    .superRefine((value, ctx) => {
      for (const problem of factorProblems(value, kind, '')) {
        ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path.split('.').filter(Boolean) });
      }
    })
    .describe(description);

const factorFields = {
  threat_event_frequency: factor(FACTOR_KINDS.threat_event_frequency, 'Threat events per year (≥ 0)'),
  vulnerability: factor(FACTOR_KINDS.vulnerability, 'Probability in [0, 1] that a threat event becomes a loss event').optional(),
  threat_capability: factor(FACTOR_KINDS.threat_capability, 'Instead of vulnerability: threat capability, a percentile 0–100').optional(),
  resistance_strength: factor(FACTOR_KINDS.resistance_strength, 'Instead of vulnerability: resistance strength, a percentile 0–100').optional(),
  primary_loss: factor(FACTOR_KINDS.primary_loss, 'Primary loss per loss event, in the organisation currency (≥ 0)'),
  secondary_loss_probability: factor(FACTOR_KINDS.secondary_loss_probability, 'Probability in [0, 1] that a loss event also has secondary loss').optional(),
  secondary_loss: factor(FACTOR_KINDS.secondary_loss, 'Secondary loss per loss event that has one (≥ 0); with no probability given, every loss event has it').optional(),
};

/** Cross-field rules (vulnerability or capability vs resistance; secondary loss needs a magnitude). */
function crossFieldRules(value: FairInputs, ctx: z.core.$RefinementCtx) {
  for (const problem of crossFieldProblems(value)) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path.split('.') });
}

const seed = z.number().int().min(0).max(MAX_SEED);

/**
 * A risk's FAIR inputs, as saved on the risk (`fair_inputs`) and sent to the simulation endpoints.
 * `iterations` and `seed` are optional here: they are the defaults a saved risk is simulated with.
 */
export const fairInputsSchema = z
  .strictObject({
    ...factorFields,
    iterations: z.number().int().min(1).max(MAX_ITERATIONS).optional().describe(`Simulated years, at most ${MAX_ITERATIONS.toLocaleString('en')}`),
    seed: seed.optional().describe('PRNG seed (0 … 2³²−1): the same seed and inputs give the same result'),
  })
  .superRefine(crossFieldRules)
  .describe('FAIR inputs: each factor a number, {min, most_likely, max, gamma?} (modified PERT) or {low, high} (lognormal 90 % interval)');

export type FairInputsBody = z.infer<typeof fairInputsSchema>;

/** POST /simulations and `bulwark risk simulate FILE`. */
export const simulationBody = fairInputsSchema.describe(
  `What-if FAIR simulation. iterations: simulated years (default ${DEFAULT_ITERATIONS.toLocaleString('en')}, at most ${MAX_ITERATIONS.toLocaleString('en')}); seed: a random one when absent (returned in the answer).`,
);

export const runRiskSimulationBody = z
  .strictObject({
    iterations: z.number().int().min(1).max(MAX_ITERATIONS).optional().describe(`Simulated years; default the risk's saved value or ${DEFAULT_ITERATIONS.toLocaleString('en')}; at most ${MAX_ITERATIONS.toLocaleString('en')}`),
    seed: seed.optional().describe("PRNG seed; default the risk's saved seed or a random one"),
  })
  .nullish()
  .describe('Optional; an empty body simulates with the saved or default settings');

export const portfolioBody = z
  .strictObject({
    iterations: z.number().int().min(1).max(MAX_PORTFOLIO_ITERATIONS).default(10_000).describe(`Simulated years, at most ${MAX_PORTFOLIO_ITERATIONS.toLocaleString('en')}`),
    seed: seed.optional().describe('PRNG seed; a random one when absent'),
    risk_ids: z.array(z.string().min(1).max(100)).max(5000).optional().describe('Only these risks (ids or numbers); default every risk with FAIR inputs that is not closed'),
  });

export const compareBody = z
  .strictObject({
    inputs: fairInputsSchema.optional().describe('Before: FAIR inputs (or give risk_id)'),
    risk_id: z.string().min(1).max(100).optional().describe("Before: this risk's saved FAIR inputs"),
    after: fairInputsSchema.describe('After the proposed control'),
    control_cost_per_year: z.number().min(0).describe('Yearly cost of the control (currency of the organisation)'),
    iterations: z.number().int().min(1).max(MAX_ITERATIONS).optional().describe(`Simulated years for both runs, at most ${MAX_ITERATIONS.toLocaleString('en')}`),
    seed: seed.optional().describe('One seed for both runs (common random numbers)'),
  })
  .refine((v) => (v.inputs === undefined) !== (v.risk_id === undefined), { message: 'give exactly one of inputs and risk_id', path: ['inputs'] });

const lecPoint = z.object({ loss: z.number(), probability: z.number() });

export const simulationResultSchema = z
  .object({
    mean: z.number(),
    p10: z.number(),
    p50: z.number(),
    p90: z.number(),
    p95: z.number(),
    p99: z.number(),
    probability_of_loss: z.number().describe('Share of simulated years with any loss'),
    lec: z.array(lecPoint).describe('Loss exceedance curve: probability that the annual loss exceeds each loss'),
    iterations: z.number().int(),
    seed: z.number().int(),
  })
  .describe('Annual loss statistics');

const contributionSchema = z.object({
  risk_id: z.string(),
  number: z.string(),
  title: z.string(),
  mean: z.number().describe("The risk's mean annual loss"),
  share_of_mean: z.number().describe('mean / the portfolio mean'),
  tail_mean: z.number().describe("The risk's average loss in the portfolio's worst 5 % of years (total ≥ p95)"),
  share_of_tail: z.number().describe("tail_mean / the portfolio's average loss in those years (the shares add up to 1)"),
});

export const portfolioResultSchema = z
  .object({ total: simulationResultSchema.describe('The portfolio: every risk simulated for the same years and the years summed'), risks: z.array(contributionSchema).describe('Largest mean first') })
  .describe('Portfolio result');

export const simulationSchema = z.object({
  id: z.string(),
  kind: z.enum(['risk', 'portfolio']),
  risk_id: z.string().nullable(),
  status: z.enum(['running', 'finished', 'failed']),
  progress: z.number().describe('0 … 1'),
  iterations: z.number().int(),
  seed: z.number().int(),
  inputs: z.unknown().describe('What was simulated: the risk\'s FAIR inputs with iterations and seed; for a portfolio its risks and their inputs'),
  result: z.union([portfolioResultSchema, simulationResultSchema]).nullable().describe('null while a portfolio runs or when it failed'),
  error: z.string().nullable(),
  created_at: instantOut,
  created_by: z.string(),
  finished_at: instantOut.nullable(),
});

export const simulationPageSchema = pageOf(simulationSchema);
export const simulationListQuery = z.strictObject({ ...pageQuery });

export const comparisonSchema = z.object({
  before: simulationResultSchema,
  after: simulationResultSchema,
  reduction_mean: z.number().describe('before.mean − after.mean'),
  reduction_p90: z.number().describe('before.p90 − after.p90'),
  control_cost_per_year: z.number(),
  return_on_control: z.number().nullable().describe('(reduction_mean − cost) / cost; null when the cost is 0'),
});
