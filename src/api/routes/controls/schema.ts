import { z } from 'zod';
import { CONTROL_REF_MAX, EFFECTIVENESS_RANGE, EVIDENCE_NOTES_MAX, IMPLEMENTATION_STATUSES, MATURITY_RANGE } from '../../../domain/controls.js';
import { CONTROL_DESCRIPTION_MAX, CONTROL_TITLE_MAX } from '../../../domain/oscal-catalog.js';
import { instant, instantOut, listOf, pageOf, pageQuery } from '../../schemas.js';

const assessment = {
  implementation_status: z.enum(IMPLEMENTATION_STATUSES).optional(),
  owner_id: z.string().max(100).nullable().optional().describe('A user of the organisation'),
  effectiveness: z.number().int().min(EFFECTIVENESS_RANGE.min).max(EFFECTIVENESS_RANGE.max).nullable().optional().describe('0–100 %: how much of a risk\'s likelihood the control takes away when implemented'),
  maturity: z.number().int().min(MATURITY_RANGE.min).max(MATURITY_RANGE.max).nullable().optional().describe('1 (initial) to 5 (optimising)'),
  last_tested_at: instant.nullable().optional(),
  next_test_at: instant.nullable().optional(),
  evidence_notes: z.string().max(EVIDENCE_NOTES_MAX).optional(),
};
const text = {
  ref: z.string().trim().min(1).max(CONTROL_REF_MAX).describe('Your own identifier, e.g. ACME-BACKUP-1'),
  title: z.string().trim().min(1).max(CONTROL_TITLE_MAX),
  description: z.string().max(CONTROL_DESCRIPTION_MAX).optional(),
  family: z.string().trim().max(200).optional(),
};

export const createControlBody = z.strictObject({ ...text, ...assessment });
export const updateControlBody = z.strictObject({
  ...assessment,
  ref: text.ref.optional(),
  title: text.title.optional(),
  description: text.description,
  family: text.family,
  version: z.number().int().positive().optional(),
}).describe('ref, title, description and family only for custom controls');

export const listControlsQuery = z.strictObject({
  catalog_id: z.string().max(100).optional().describe('A catalog id, or "custom" for the organisation\'s own controls'),
  family: z.string().max(200).optional(),
  implementation_status: listOf(z.enum(IMPLEMENTATION_STATUSES)).optional(),
  q: z.string().max(200).optional().describe('Start of the ref, or part of the title'),
  relied_on: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('true: only controls some risk relies on; false: only those none does'),
  ...pageQuery,
});

export const controlSchema = z.object({
  id: z.string(),
  catalog_id: z.string().nullable().describe('null for a custom control'),
  catalog_name: z.string().nullable(),
  ref: z.string(),
  title: z.string(),
  description: z.string(),
  family: z.string(),
  parent_ref: z.string().nullable().describe('The control this one enhances (SP 800-53) or refines (CSF)'),
  position: z.number().int(),
  implementation_status: z.enum(IMPLEMENTATION_STATUSES),
  owner_id: z.string().nullable(),
  effectiveness: z.number().int().nullable(),
  maturity: z.number().int().nullable(),
  last_tested_at: instantOut.nullable(),
  next_test_at: instantOut.nullable(),
  evidence_notes: z.string(),
  created_at: instantOut,
  created_by: z.string(),
  updated_at: instantOut,
  updated_by: z.string(),
  version: z.number().int(),
});
export const controlDetailSchema = controlSchema.extend({
  risks: z.array(z.object({ id: z.string(), number: z.string(), title: z.string(), status: z.string(), residual_level: z.string(), link_status: z.string(), owner_id: z.string().nullable(), due_at: instantOut.nullable(), note: z.string() })).describe('The risks relying on the control'),
});
export const controlPageSchema = pageOf(controlSchema);

export const coverageSchema = z.object({
  risks: z.array(z.object({ id: z.string(), number: z.string(), title: z.string(), residual_level: z.string(), controls: z.array(z.object({ id: z.string(), ref: z.string(), title: z.string(), effectiveness: z.number().int().nullable() })) })).describe('Every risk that is not closed, highest residual level first'),
  controls: z.array(z.object({ id: z.string(), ref: z.string(), title: z.string(), implementation_status: z.string(), effectiveness: z.number().int().nullable(), risk_count: z.number().int() })).describe('Controls relied on, most relied on first'),
  uncovered_risks: z.number().int().describe('Risks that are not closed and rely on no control'),
});
