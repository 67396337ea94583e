import { z } from 'zod';
import { MARKDOWN_MAX } from '../../../domain/incident.js';
import { TIMELINE_KINDS } from '../../../services/timeline/record-timeline-entry.js';
import { instant, instantOut, pageOf, pageQuery } from '../../schemas.js';
import { personRef } from '../incidents/schema.js';

export const addNoteBody = z.strictObject({
  body: z
    .string()
    .max(MARKDOWN_MAX, `at most ${MARKDOWN_MAX} characters`)
    .refine((text) => text.trim().length > 0, 'must not be empty')
    .describe('Markdown'),
  occurred_at: instant.optional().describe('When it happened (default: now); may be in the past, not in the future'),
});

export const timelineQuery = z.strictObject({ ...pageQuery });

export const timelineEntrySchema = z.object({
  id: z.string(),
  seq: z.number().int().describe("Position in the incident's hash chain (the order written)"),
  kind: z.enum(TIMELINE_KINDS),
  body: z.string().describe('Markdown'),
  details: z.record(z.string(), z.unknown()),
  occurred_at: instantOut.describe('When it happened'),
  recorded_at: instantOut.describe('When it was written'),
  actor: personRef,
  hash: z.string().describe('sha256(previous hash ‖ canonical JSON of the entry)'),
});

export const timelinePageSchema = pageOf(timelineEntrySchema);
