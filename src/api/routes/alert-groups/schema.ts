import { z } from 'zod';
import { alertGroupSchema, alertListItemSchema } from '../triage/schema.js';

export const alertGroupDetailSchema = alertGroupSchema.extend({
  alerts: z.array(alertListItemSchema).describe('The newest alerts of the group (at most 100); page through all with GET /api/v1/alerts?group=<id>'),
  more_alerts: z.boolean(),
});
