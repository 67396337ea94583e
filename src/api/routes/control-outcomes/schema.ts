import { z } from 'zod';
import { CONTROL_OUTCOMES } from '../../../domain/risk-suggestions.js';
import { instantOut } from '../../schemas.js';

const outcome = z.enum(CONTROL_OUTCOMES).describe('worked (prevented), detected, failed, bypassed or absent');

export const recordOutcomeBody = z.strictObject({
  control_id: z.string().min(1).max(100),
  outcome,
  note: z.string().max(5000).optional(),
});

export const updateOutcomeBody = z.strictObject({
  outcome: outcome.optional(),
  note: z.string().max(5000).optional(),
  version: z.number().int().positive().optional(),
});

export const outcomeParams = z.object({ id: z.string().min(1).max(100), outcome_id: z.string().min(1).max(100) });

export const controlOutcomeSchema = z.object({
  id: z.string(),
  incident_id: z.string(),
  control_id: z.string(),
  control: z.object({ id: z.string(), ref: z.string(), title: z.string(), implementation_status: z.string(), effectiveness: z.number().nullable() }),
  outcome: z.enum(CONTROL_OUTCOMES),
  note: z.string(),
  recorded_at: instantOut,
  recorded_by: z.string(),
  recorded_by_name: z.string(),
  updated_at: instantOut,
  version: z.number().int(),
});

export const controlOutcomesOfControlSchema = z.object({
  control_id: z.string(),
  counts: z.object(Object.fromEntries(CONTROL_OUTCOMES.map((o) => [o, z.number().int()])) as Record<(typeof CONTROL_OUTCOMES)[number], z.ZodNumber>).describe('Across every incident, restricted ones included'),
  items: z.array(
    z.object({
      id: z.string(),
      outcome: z.enum(CONTROL_OUTCOMES),
      note: z.string(),
      recorded_at: instantOut,
      incident: z.object({ id: z.string(), number: z.string(), title: z.string(), category: z.string(), severity: z.number().int(), phase: z.string(), detected_at: instantOut }),
    }),
  ),
  not_shown: z.number().int().describe('Outcomes in incidents the viewer may not see'),
});
