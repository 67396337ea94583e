import { z } from 'zod';
import { REVIEW_REQUIRABLE_FIELDS } from '../../../domain/review.js';

export const reviewSettingsSchema = z.strictObject({
  required_fields: z.array(z.enum(REVIEW_REQUIRABLE_FIELDS)).max(REVIEW_REQUIRABLE_FIELDS.length * 2).describe('Fields a review needs before it can be completed; [] for none'),
});
