import { z } from 'zod';
import { instantOut } from '../../schemas.js';

const REASON_MAX = 2000;
const reason = z.string().trim().min(1, 'say why').max(REASON_MAX, `at most ${REASON_MAX} characters`);

export const reasonBody = z.strictObject({ reason: reason.describe('Why; kept in the chain of custody') });
export const approveBody = z.strictObject({ note: z.string().trim().max(REASON_MAX, `at most ${REASON_MAX} characters`).default('').describe('Optional; kept in the chain of custody') }).default({ note: '' });
export const rejectBody = z.strictObject({ note: reason.describe('Why the request is rejected; kept in the chain of custody') });

export const verificationSchema = z.object({
  evidence_id: z.string(),
  status: z.enum(['match', 'mismatch', 'missing']).describe('match: the stored bytes hash to the recorded SHA-256; mismatch: they do not; missing: the stored file is gone'),
  expected_sha256: z.string().describe('The SHA-256 recorded when the file was added'),
  actual_sha256: z.string().nullable().describe('The SHA-256 of the stored file now; null when it is missing'),
  checked_at: instantOut,
});

export const incidentVerificationSchema = z.object({
  items: z.array(verificationSchema),
  mismatches: z.number().int().describe('Items that did not match (mismatch or missing)'),
});
