import { z } from 'zod';
import { RISK_CONTROL_STATUSES } from '../../../domain/controls.js';
import { instant, instantOut } from '../../schemas.js';

const fields = {
  status: z.enum(RISK_CONTROL_STATUSES).optional().describe('The mitigation: planned (default), in_progress or done'),
  owner_id: z.string().max(100).nullable().optional().describe('Who puts it in place for this risk'),
  due_at: instant.nullable().optional(),
  note: z.string().max(5000).optional(),
};

export const linkBody = z.strictObject({ control_id: z.string().min(1).max(100), ...fields });
export const updateLinkBody = z.strictObject({ ...fields, version: z.number().int().positive().optional() });
export const linkParams = z.object({ id: z.string().min(1).max(100), control_id: z.string().min(1).max(100) });

export const riskControlSchema = z.object({
  risk_id: z.string(),
  control_id: z.string(),
  ref: z.string(),
  title: z.string(),
  implementation_status: z.string(),
  effectiveness: z.number().int().nullable(),
  status: z.enum(RISK_CONTROL_STATUSES),
  owner_id: z.string().nullable(),
  due_at: instantOut.nullable(),
  note: z.string(),
  created_at: instantOut,
  created_by: z.string(),
  updated_at: instantOut,
  version: z.number().int(),
});
