import { z } from 'zod';

const levelId = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'a level id of lower-case letters, digits and _ (e.g. very_low)');
const name = z.string().trim().min(1, 'must not be empty').max(100);
const description = z.string().max(2000);

export const likelihoodLevelSchema = z.strictObject({
  id: levelId,
  name,
  description,
  annual_rate: z
    .strictObject({ min: z.number().min(0), max: z.number().positive().nullable() })
    .refine((r) => r.max === null || r.max > r.min, { message: 'max must be above min', path: ['max'] })
    .describe('Events a year this level stands for: [min, max), max null = open-ended'),
});

export const impactLevelSchema = z.strictObject({ id: levelId, name, description });

export const riskLevelSchema = z.strictObject({
  id: levelId,
  name,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #e03131'),
});

/** Lists lowest first; table[i][j] is the level of likelihood_levels[i] and impact_levels[j]. */
export const riskMatrixSchema = z.strictObject({
  likelihood_levels: z.array(likelihoodLevelSchema).min(2).max(10).describe('Lowest first'),
  impact_levels: z.array(impactLevelSchema).min(2).max(10).describe('Lowest first'),
  levels: z.array(riskLevelSchema).min(2).max(10).describe('Risk levels, lowest first'),
  table: z.array(z.array(levelId).max(10)).max(10).describe('table[i][j]: the level id for likelihood_levels[i] and impact_levels[j]'),
});
