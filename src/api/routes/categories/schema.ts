import { z } from 'zod';
import { CATEGORY_KEY_PATTERN } from '../../../domain/incident.js';
import { CATEGORY_LABEL_MAX } from '../../../services/categories/add-category.js';

export const categorySchema = z.object({ key: z.string(), label: z.string(), builtin: z.boolean() });

export const createCategoryBody = z.strictObject({
  key: z.string().regex(CATEGORY_KEY_PATTERN, 'lower snake case starting with a letter, 2–63 characters, e.g. payment_fraud'),
  label: z.string().trim().min(1, 'must not be empty').max(CATEGORY_LABEL_MAX, `at most ${CATEGORY_LABEL_MAX} characters`),
});
