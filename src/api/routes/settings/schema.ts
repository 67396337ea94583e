import { z } from 'zod';
import { SEVERITIES } from '../../../domain/incident.js';

const severity = z.union(SEVERITIES.map((s) => z.literal(s))).describe('1 critical, 2 high, 3 medium, 4 low');

export const closePolicySchema = z.object({
  review_required_for_severities: z.array(z.number().int()).describe('Severities whose incidents need a completed review before closing'),
});

export const closePolicyBody = z.strictObject({
  review_required_for_severities: z.array(severity).max(SEVERITIES.length * 2).describe('Severities whose incidents need a completed review before closing; [] for none'),
});
