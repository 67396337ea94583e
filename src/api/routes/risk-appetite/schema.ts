import { z } from 'zod';

export const lossPointSchema = z.strictObject({
  loss: z.number().positive().describe('A yearly loss in the currency'),
  probability: z.number().min(0).max(1).describe('The highest acceptable probability of losing more than that in a year'),
});

export const riskAppetiteSchema = z.strictObject({
  max_level: z.string().min(1).max(40).describe('The highest acceptable residual level; risks above it are over appetite'),
  loss_tolerance: z.array(lossPointSchema).max(50).describe('The loss tolerance curve, losses increasing; [] for none'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR'),
});
