import { z } from 'zod';
import { instantOut } from '../../schemas.js';
import { personRef } from '../incidents/schema.js';
import { tacticSchema } from '../attack/schema.js';

export const tagTechniqueBody = z.strictObject({
  technique_id: z.string().min(1).max(20).describe('ATT&CK id, e.g. T1059.001'),
  timeline_entry_id: z.string().min(1).max(100).nullable().optional().describe('Tag one timeline entry instead of the incident as a whole'),
});

export const untagParams = z.object({ id: z.string().min(1).max(100), technique_id: z.string().min(1).max(20) });
export const untagQuery = z.strictObject({ timeline_entry_id: z.string().min(1).max(100).optional().describe('The timeline entry the tag is on; omit for the incident itself') });

export const techniqueTagSchema = z.object({ id: z.string(), technique_id: z.string(), timeline_entry_id: z.string().nullable(), added_at: instantOut, added_by: z.string() });

const taggedTechniqueSchema = z.object({
  technique_id: z.string(),
  name: z.string(),
  parent_id: z.string().nullable(),
  tactics: z.array(z.string()),
  url: z.string().nullable(),
  deprecated: z.boolean(),
  revoked: z.boolean(),
  revoked_by: z.string().nullable(),
  known: z.boolean().describe('false when the technique is not in the imported catalogue'),
  tags: z.array(z.object({ id: z.string(), timeline_entry_id: z.string().nullable().describe('null: the incident as a whole'), added_at: instantOut, added_by: personRef })),
});

export const incidentTechniquesSchema = z.object({
  by_tactic: z.array(z.object({ tactic: tacticSchema, techniques: z.array(taggedTechniqueSchema) })).describe('Tactics in matrix order; a technique in two tactics shows under both'),
  without_tactic: z.array(taggedTechniqueSchema),
  count: z.number().int().describe('Distinct techniques'),
});
