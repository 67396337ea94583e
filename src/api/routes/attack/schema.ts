import { z } from 'zod';
import { instantOut } from '../../schemas.js';

/** A STIX 2.0 or 2.1 bundle; only its shape is checked here, its content by the importer. */
export const stixBundleBody = z
  .looseObject({
    type: z.literal('bundle', 'must be "bundle"'),
    id: z.string().max(200).optional(),
    objects: z.array(z.looseObject({ type: z.string().max(250), id: z.string().max(300) })).max(200_000, 'at most 200,000 objects'),
  })
  .describe('A STIX bundle: {"type": "bundle", "objects": [...]}');

/** The ATT&CK Enterprise bundle is about 45 MB; more than twice that is not ATT&CK. */
export const ATTACK_BODY_LIMIT = 100 * 1024 * 1024;

export const attackImportSchema = z.object({
  source: z.string(),
  spec_version: z.string().describe('STIX version of the bundle (2.0 or 2.1)'),
  release: z.string().nullable().describe('ATT&CK release, when the bundle names it (STIX 2.1 collections)'),
  imported_at: instantOut,
  tactics: z.number().int(),
  techniques: z.number().int().describe('Techniques that are not sub-techniques'),
  sub_techniques: z.number().int(),
  deprecated: z.number().int(),
  revoked: z.number().int(),
  retired: z.number().int().describe('Techniques of an earlier import missing from this one: kept, marked deprecated'),
});

export const tacticSchema = z.object({ id: z.string().describe('e.g. TA0002'), shortname: z.string().describe('e.g. execution'), name: z.string(), position: z.number().int().describe('Column in the matrix, from 0') });

export const catalogueSchema = z.object({ last_import: attackImportSchema.nullable().describe('null until ATT&CK is imported'), tactics: z.array(tacticSchema) });

export const techniqueSchema = z.object({
  id: z.string().describe('ATT&CK id, e.g. T1059.001'),
  name: z.string(),
  description: z.string().describe('Markdown, as ATT&CK writes it'),
  tactics: z.array(z.string()).describe('Tactic short names'),
  platforms: z.array(z.string()),
  parent_id: z.string().nullable().describe('The parent technique of a sub-technique'),
  url: z.string().nullable(),
  deprecated: z.boolean(),
  revoked: z.boolean(),
  revoked_by: z.string().nullable().describe('The technique that replaces a revoked one'),
  attack_version: z.string().nullable().describe("The technique's own version in ATT&CK"),
});

export const techniqueQuery = z.strictObject({
  q: z.string().max(200).optional().describe('An id prefix (t1059) or part of a name (powershell)'),
  tactic: z.string().regex(/^[a-z][a-z-]{0,63}$/, 'a tactic short name such as execution').optional(),
  include_retired: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('Also deprecated and revoked techniques'),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

export const techniqueListSchema = z.object({ items: z.array(techniqueSchema) });
