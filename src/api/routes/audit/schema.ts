import { z } from 'zod';
import { instantOut, pageOf, pageQuery } from '../../schemas.js';

export const listAuditQuery = z.strictObject({
  ...pageQuery,
  target_type: z.string().min(1).max(100).optional().describe('e.g. incident, user, api_token'),
  target_id: z.string().min(1).max(200).optional(),
});

export const auditEntrySchema = z.object({
  id: z.string(),
  seq: z.number().int().describe('Position in the organisation’s hash chain'),
  at: instantOut,
  actor: z.object({ id: z.string(), name: z.string() }).nullable().describe('null when Bulwark itself acted at start-up'),
  action: z.string(),
  target_type: z.string(),
  target_id: z.string(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string().describe('sha256(prev_hash ‖ canonical entry); `bulwark verify` re-walks the chain'),
});

export const auditPageSchema = pageOf(auditEntrySchema);
