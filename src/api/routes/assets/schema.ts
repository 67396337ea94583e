import { z } from 'zod';
import { ASSET_DESCRIPTION_MAX, ASSET_KINDS, ASSET_NAME_MAX, DATA_CLASSIFICATIONS, JURISDICTIONS } from '../../../domain/assets.js';
import { TAG_MAX, TAGS_MAX } from '../../../domain/incident.js';
import { instantOut, listOf, pageOf, pageQuery } from '../../schemas.js';

const jurisdiction = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => JURISDICTIONS.has(v), { message: 'an ISO 3166-1 alpha-2 country code (DE, FR, US…) or EU' });

const fields = {
  name: z.string().trim().min(1).max(ASSET_NAME_MAX),
  kind: z.enum(ASSET_KINDS),
  description: z.string().max(ASSET_DESCRIPTION_MAX).optional(),
  owner_id: z.string().max(100).nullable().optional().describe('A user of the organisation'),
  criticality: z.string().trim().min(1).max(50).describe('A risk level id of the organisation\'s matrix (very_low … very_high by default)'),
  data_classifications: z.array(z.enum(DATA_CLASSIFICATIONS)).max(DATA_CLASSIFICATIONS.length).optional(),
  jurisdictions: z.array(jurisdiction).max(300).optional().describe('Where the people whose data it holds live: ISO 3166-1 alpha-2 codes, or EU'),
  tags: z.array(z.string().trim().min(1).max(TAG_MAX)).max(TAGS_MAX).optional(),
};

export const createAssetBody = z.strictObject(fields);
export const updateAssetBody = z.strictObject({
  name: fields.name.optional(),
  kind: fields.kind.optional(),
  description: fields.description,
  owner_id: fields.owner_id,
  criticality: fields.criticality.optional(),
  data_classifications: fields.data_classifications,
  jurisdictions: fields.jurisdictions,
  tags: fields.tags,
  retired: z.boolean().optional().describe('false brings a retired asset back; true retires it (as DELETE does)'),
  version: z.number().int().positive().optional(),
});

export const listAssetsQuery = z.strictObject({
  kind: listOf(z.enum(ASSET_KINDS)).optional(),
  criticality: listOf(z.string().max(50)).optional(),
  classification: z.enum(DATA_CLASSIFICATIONS).optional(),
  q: z.string().max(200).optional().describe('Part of the name or description'),
  include_retired: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  ...pageQuery,
});

export const dependencyBody = z.strictObject({ depends_on_id: z.string().min(1).max(100), note: z.string().max(2000).optional() });
export const dependencyParams = z.object({ id: z.string().min(1).max(100), depends_on_id: z.string().min(1).max(100) });

export const assetSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  description: z.string(),
  owner_id: z.string().nullable(),
  criticality: z.string(),
  data_classifications: z.array(z.string()),
  jurisdictions: z.array(z.string()),
  tags: z.array(z.string()),
  retired_at: instantOut.nullable(),
  created_at: instantOut,
  created_by: z.string(),
  updated_at: instantOut,
  updated_by: z.string(),
  version: z.number().int(),
});
const linkedAsset = z.object({ id: z.string(), name: z.string(), kind: z.string(), criticality: z.string(), retired_at: instantOut.nullable(), note: z.string() });
export const assetDetailSchema = assetSchema.extend({
  depends_on: z.array(linkedAsset).describe('What this asset needs to work'),
  dependents: z.array(linkedAsset).describe('What needs this asset to work'),
  risks: z.array(z.object({ id: z.string(), number: z.string(), title: z.string(), status: z.string(), residual_level: z.string() })),
});
export const assetPageSchema = pageOf(assetSchema);
export const dependencySchema = z.object({ asset_id: z.string(), depends_on_id: z.string(), note: z.string(), created_at: instantOut, created_by: z.string() });
