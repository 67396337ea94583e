import { z } from 'zod';
import { MAX_SUBSCRIBED_TYPES, WEBHOOK_EVENT_TYPES } from '../../../domain/webhooks.js';
import { NAME_MAX_LENGTH, SECRET_MAX_LENGTH, SECRET_MIN_LENGTH, URL_MAX_LENGTH } from '../../../services/webhooks/webhook-record.js';
import { instantOut, pageOf, pageQuery } from '../../schemas.js';

const name = z.string().trim().min(1, 'must not be empty').max(NAME_MAX_LENGTH, `at most ${NAME_MAX_LENGTH} characters`);
const url = z
  .string()
  .max(URL_MAX_LENGTH, `at most ${URL_MAX_LENGTH} characters`)
  .refine((v) => URL.canParse(v) && ['http:', 'https:'].includes(new URL(v).protocol), 'an http:// or https:// URL')
  .describe('Where events are POSTed; https in production');
const eventTypes = z
  .array(z.string().min(1).max(100))
  .min(1, 'subscribe to at least one event type (or "*")')
  .max(MAX_SUBSCRIBED_TYPES, `at most ${MAX_SUBSCRIBED_TYPES} entries`)
  .describe(`Event types (${WEBHOOK_EVENT_TYPES.join(', ')}), a family such as "incident.*", or "*" for all`);
const secret = z
  .string()
  .min(SECRET_MIN_LENGTH, `at least ${SECRET_MIN_LENGTH} characters`)
  .max(SECRET_MAX_LENGTH, `at most ${SECRET_MAX_LENGTH} characters`);
const includeRestricted = z.boolean().describe('Also send events about restricted incidents (need-to-know); off by default');

export const webhookSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  event_types: z.array(z.string()),
  enabled: z.boolean(),
  include_restricted: z.boolean(),
  secret_fingerprint: z.string().describe('First 12 hex digits of the SHA-256 of the signing secret, to check which secret a receiver holds'),
  created_at: instantOut,
  created_by: z.string(),
  updated_at: instantOut,
  version: z.number().int(),
});

export const createWebhookBody = z.strictObject({
  name,
  url,
  event_types: eventTypes,
  secret: secret.optional().describe('The HMAC-SHA256 signing secret; generated when absent. Answered once'),
  enabled: z.boolean().optional().describe('Default true'),
  include_restricted: includeRestricted.optional(),
});

export const createdWebhookSchema = z.object({
  webhook: webhookSchema,
  secret: z.string().describe('Verify X-Bulwark-Signature with it. Shown only this once'),
});

export const updateWebhookBody = z.strictObject({
  name: name.optional(),
  url: url.optional(),
  event_types: eventTypes.optional(),
  enabled: z.boolean().optional().describe('false pauses deliveries; queued ones wait'),
  include_restricted: includeRestricted.optional(),
  secret: secret.optional().describe('Replaces the signing secret'),
  version: z.number().int().positive().optional().describe('Alternative to the If-Match header'),
});

const attemptSchema = z.object({
  id: z.string(),
  attempt: z.number().int(),
  status_code: z.number().int().nullable().describe('null when no answer came (refused, timed out)'),
  error: z.string().nullable(),
  duration_ms: z.number().int(),
  at: instantOut,
});

export const deliverySchema = z.object({
  id: z.string().describe('Sent as X-Bulwark-Delivery'),
  event_id: z.string().describe('The body’s id; the same across redeliveries'),
  event_type: z.string(),
  state: z.enum(['pending', 'delivered', 'failed']).describe('failed: every attempt was spent'),
  created_at: instantOut,
  next_attempt_at: instantOut.nullable(),
  delivered_at: instantOut.nullable(),
  failed_at: instantOut.nullable(),
  last_error: z.string().nullable(),
  attempt_count: z.number().int(),
  attempts: z.array(attemptSchema),
  body: z.record(z.string(), z.unknown()).describe('The JSON body, as POSTed'),
});

export const deliveryPageSchema = pageOf(deliverySchema);

export const listDeliveriesQuery = z.strictObject({
  ...pageQuery,
  state: z.enum(['pending', 'delivered', 'failed']).optional(),
});

export const deliveryParams = z.object({ id: z.string().min(1).max(100), delivery_id: z.string().min(1).max(100) });
