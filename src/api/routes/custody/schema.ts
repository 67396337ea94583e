import { z } from 'zod';
import { PERSON_CUSTODY_ACTIONS } from '../../../domain/custody.js';
import { CUSTODY_ACTIONS } from '../../../domain/evidence.js';
import { instant, instantOut } from '../../schemas.js';
import { personRef } from '../incidents/schema.js';

const line = (max: number) => z.string().trim().max(max, `at most ${max} characters`);

export const recordCustodyBody = z.strictObject({
  action: z.enum(CUSTODY_ACTIONS).describe(`What happened. People record ${PERSON_CUSTODY_ACTIONS.join(', ')}; the rest the system writes itself (400 if sent)`),
  to_user_id: z.string().min(1).max(100).optional().describe('transferred: whom the item is handed to; they must be able to see the incident and hold evidence'),
  occurred_at: instant.optional().describe('When it happened (default: now); may be in the past (a paper hand-over recorded later), not in the future nor before the item was collected'),
  location: line(500).optional().describe('Where, e.g. "Evidence safe 2, room 4.12"'),
  purpose: line(2000).optional().describe('Why, e.g. "Imaging at the forensic lab"'),
  notes: line(10_000).optional(),
  signature: z
    .strictObject({
      name: z.string().trim().min(1, 'type your full name').max(200),
      statement_accepted: z.boolean(),
    })
    .optional()
    .describe('received only: the receiving person types their full name (as on their account) and accepts the receipt statement'),
});

export const custodyEventSchema = z.object({
  id: z.string(),
  seq: z.number().int().describe("Position in the item's custody chain (the order written)"),
  action: z.enum(CUSTODY_ACTIONS),
  actor: personRef.describe('Who recorded it'),
  from_user: personRef.nullable().describe('Hand-overs: who gave the item'),
  to_user: personRef.nullable().describe('Hand-overs: who it was given to'),
  occurred_at: instantOut.describe('When it happened'),
  recorded_at: instantOut.describe('When it was written'),
  location: z.string(),
  purpose: z.string(),
  details: z.record(z.string(), z.unknown()),
  signature: z.string().nullable().describe('Receipts: "<name> <user id> <signed at> sha256:<hex>", the hex over the item, its content hash, the previous chain hash, the signer and the receipt statement'),
  hash: z.string().describe('sha256(prev_hash ‖ canonical JSON of the event)'),
  prev_hash: z.string(),
});

export const custodyLogSchema = z.object({
  items: z.array(custodyEventSchema).describe('Oldest first'),
  next_cursor: z.string().nullable().describe('Always null: the whole log fits one answer'),
  chain: z.object({
    intact: z.boolean(),
    first_break: z.object({ seq: z.number().int(), reason: z.string().describe('prev_hash_mismatch, hash_mismatch, sequence_gap or signature_mismatch') }).nullable(),
  }).describe('Whether every event still hashes to what was written, and every receipt signature still fits its place in the chain'),
});
