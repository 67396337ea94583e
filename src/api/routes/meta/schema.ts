import { z } from 'zod';
import { categorySchema } from '../categories/schema.js';

const choice = z.object({ id: z.string(), label: z.string() });

export const metaSchema = z.object({
  phases: z.array(choice),
  severities: z.array(z.object({ id: z.number().int(), label: z.string() })),
  categories: z.array(categorySchema),
  tlp: z.array(choice),
  resolutions: z.array(choice),
  roles: z.array(choice),
  incident_roles: z.array(choice.extend({ single_holder: z.boolean().describe('Assigning someone new hands the role over') })),
  functional_impacts: z.array(choice),
  information_impacts: z.array(choice),
  recoverabilities: z.array(choice),
  task_statuses: z.array(choice),
});
