import { z } from 'zod';
import { instantOut } from '../../schemas.js';

/** The full SP 800-53 Rev. 5 catalog is 3 MB in release 5.0.1 and grows as NIST adds the SP 800-53A objectives; 50 MB leaves room. */
export const CATALOG_BODY_LIMIT = 50 * 1024 * 1024;

/** Only "a JSON object" is checked here; the importer checks it is an OSCAL catalog and says why not. */
export const oscalCatalogBody = z.looseObject({}).describe('An OSCAL catalog in JSON: {"catalog": {"uuid", "metadata": {"title", "version"}, "groups": [...] or "controls": [...]}}');

export const catalogSchema = z.object({
  id: z.string(),
  name: z.string().describe('The catalog\'s metadata title; importing a catalog of the same title updates this one'),
  source: z.string().describe('oscal, or builtin:nist-csf-2.0 for the starter catalog'),
  catalog_version: z.string().nullable(),
  oscal_uuid: z.string().nullable(),
  control_count: z.number().int(),
  imported_at: instantOut,
  imported_by: z.string(),
});
export const catalogListSchema = z.object({ items: z.array(catalogSchema), next_cursor: z.null() });

export const catalogImportSchema = z.object({
  catalog: catalogSchema,
  created: z.number().int().describe('Controls new in this import'),
  updated: z.number().int().describe('Controls whose catalog text changed (the organisation\'s fields are kept)'),
  unchanged: z.number().int(),
  not_in_import: z.number().int().describe('Controls of an earlier import this one does not list: kept as they are'),
  withdrawn: z.number().int().optional().describe('Controls the catalog marks withdrawn: not imported'),
});
