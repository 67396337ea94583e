import { z } from 'zod';
import { instantOut } from '../../schemas.js';

export const scoreHistorySchema = z.object({
  risk_id: z.string(),
  number: z.string(),
  points: z.array(
    z.object({
      at: instantOut,
      action: z.string(),
      inherent_level: z.string(),
      residual_level: z.string(),
      annual_loss_mean: z.number().nullable(),
      incident_id: z.string().nullable().describe('The incident the change came from (an accepted proposal), when you may see it'),
    }),
  ),
  incidents: z.array(z.object({ id: z.string(), number: z.string(), title: z.string(), at: instantOut.describe('When the incident was detected') })),
});

export const calibrationSchema = z.object({
  items: z.array(
    z.object({
      risk_id: z.string(),
      number: z.string(),
      title: z.string(),
      annual_loss_mean: z.number().nullable(),
      annual_loss_p90: z.number().nullable(),
      points: z.array(
        z.object({
          incident_id: z.string(),
          incident_number: z.string(),
          proposal_id: z.string(),
          realised_loss: z.number().nullable(),
          estimated_mean: z.number().nullable(),
          estimated_p90: z.number().nullable(),
          percentile: z.number().nullable().describe('0–1: where the realised loss landed in the estimated annual-loss distribution'),
          at: instantOut.nullable(),
        }),
      ),
    }),
  ),
});
