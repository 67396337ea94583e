import { z } from 'zod';
import { INCIDENT_ROLES } from '../../../domain/access.js';
import { memberSchema } from '../incidents/schema.js';

export const assignRoleBody = z.strictObject({
  user_id: z.string().min(1).max(100),
  role: z.enum(INCIDENT_ROLES).describe('Single-holder roles (commander, deputy, technical lead, communications lead, scribe, executive sponsor) hand over from the previous holder'),
});

export const membersQuery = z.strictObject({
  history: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('Include released tenures'),
});

export const memberParams = z.object({ id: z.string().min(1).max(100), member_id: z.string().min(1).max(100) });

export const memberListSchema = z.object({ items: z.array(memberSchema) });
