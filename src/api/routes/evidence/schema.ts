import { z } from 'zod';
import { EVIDENCE_KINDS, EVIDENCE_STATUSES } from '../../../domain/evidence.js';
import { MARKDOWN_MAX, TITLE_MAX, TLP_LEVELS } from '../../../domain/incident.js';
import { instant, instantOut, pageOf, pageQuery } from '../../schemas.js';

const LIST_MAX = 200;
const line = z.string().max(10_000, 'at most 10,000 characters');
const text = z.string().max(MARKDOWN_MAX, `at most ${MARKDOWN_MAX} characters`);
const id = z.string().min(1).max(100);
/** Repeated or comma-separated in a form. */
const listField = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(200, 'at most 200 characters')).max(LIST_MAX, `at most ${LIST_MAX}`));

/** Metadata accepted with an upload (form fields) or an item without a file (JSON). */
const metadataFields = {
  kind: z.enum(EVIDENCE_KINDS).optional(),
  title: z.string().trim().max(TITLE_MAX, `at most ${TITLE_MAX} characters`).optional(),
  description: text.optional().describe('Markdown'),
  source: line.optional().describe('The system or place it came from, e.g. WS-042 (finance laptop)'),
  asset_id: id.nullable().optional().describe('The asset of the register it came from'),
  collected_by: line.optional().describe('Who collected it: person and organisation (default: you)'),
  collected_at: instant.optional().describe('When it was collected (default: now); not in the future'),
  acquisition_tool: line.optional().describe('Tool and version, e.g. FTK Imager 4.7.1'),
  acquisition_notes: text.optional(),
  tlp: z.enum(TLP_LEVELS).optional().describe('Default amber'),
};

/** The metadata form fields of a multipart upload (all strings on the wire). */
export const uploadFields = z.strictObject({
  ...metadataFields,
  tags: listField.optional(),
  observable_ids: listField.optional(),
});

const jsonLists = {
  tags: z.array(z.string().max(200)).max(LIST_MAX).optional(),
  observable_ids: z.array(id).max(LIST_MAX).optional().describe('Observables of the organisation this item shows'),
  serial_numbers: z.array(z.string().max(500)).max(LIST_MAX).optional().describe('Serial numbers, IMEI, evidence bag numbers'),
  physical_location: line.optional().describe('Where it is kept, e.g. Safe 2, room 4.12'),
};

/** `application/json`: an item without a file, such as a seized laptop. */
export const addEvidenceItemBody = z.strictObject({
  ...metadataFields,
  ...jsonLists,
  title: z.string().trim().min(1, 'must not be empty').max(TITLE_MAX, `at most ${TITLE_MAX} characters`),
  kind: z.enum(EVIDENCE_KINDS).default('physical'),
});

/** How the upload is documented (OpenAPI): the metadata fields first, then the file. */
const uploadFormDoc = z
  .object({
    ...Object.fromEntries(Object.keys(metadataFields).map((k) => [k, z.string().optional()])),
    tags: z.string().optional().describe('Repeated or comma-separated'),
    observable_ids: z.string().optional().describe('Repeated or comma-separated'),
    file: z.string().meta({ format: 'binary' }).describe('The file; send it after the metadata fields. Its name is taken from the part'),
  })
  .describe('multipart/form-data: metadata fields, then one part named file');

export const addEvidenceBodyDoc = z.union([uploadFormDoc, addEvidenceItemBody]).describe('multipart/form-data with a file, or application/json for an item without one');

export const updateEvidenceBody = z.strictObject({
  ...metadataFields,
  ...jsonLists,
  retain_until: instant.nullable().optional().describe('Keep until (administrators and incident managers); null: no retention date'),
  version: z.number().int().positive().optional().describe('Alternative to the If-Match header'),
});

const person = z.object({ id: z.string(), name: z.string() });

export const evidenceSchema = z.object({
  id: z.string(),
  number: z.string().describe('EVD-<year>-<sequence>'),
  incident_id: z.string(),
  incident_number: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  title: z.string(),
  description: z.string(),
  file_name: z.string().nullable(),
  media_type: z.string().nullable(),
  size_bytes: z.number().int().nullable(),
  sha256: z.string().nullable(),
  sha1: z.string().nullable(),
  md5: z.string().nullable(),
  serial_numbers: z.array(z.string()),
  physical_location: z.string(),
  source: z.string(),
  asset_id: z.string().nullable(),
  collected_by: z.string(),
  collected_at: instantOut,
  acquisition_tool: z.string(),
  acquisition_notes: z.string(),
  tlp: z.enum(TLP_LEVELS),
  tags: z.array(z.string()),
  observable_ids: z.array(z.string()),
  status: z.enum(EVIDENCE_STATUSES),
  holder: person.nullable(),
  pending_holder: person.nullable(),
  legal_hold: z.boolean(),
  legal_hold_reason: z.string(),
  retain_until: instantOut.nullable(),
  last_verified_at: instantOut.nullable(),
  last_verification: z.enum(['match', 'mismatch', 'missing']).nullable(),
  disposal_request: z.object({ action: z.enum(['destroy', 'release']), reason: z.string(), requested_by: person, requested_at: instantOut }).nullable(),
  created_at: instantOut,
  created_by: z.string(),
  updated_at: instantOut,
  version: z.number().int(),
});

export const evidencePage = pageOf(evidenceSchema);
export const evidenceListQuery = z.object(pageQuery);
