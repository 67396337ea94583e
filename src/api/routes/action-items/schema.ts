import { z } from 'zod';
import { MARKDOWN_MAX, TITLE_MAX } from '../../../domain/incident.js';
import { ACTION_ITEM_KINDS, ACTION_ITEM_STATUSES } from '../../../domain/review.js';
import { instant, instantOut, listOf, pageOf, pageQuery } from '../../schemas.js';
import { personRef } from '../incidents/schema.js';

const title = z.string().trim().min(1, 'must not be empty').max(TITLE_MAX, `at most ${TITLE_MAX} characters`);
const description = z.string().max(MARKDOWN_MAX, `at most ${MARKDOWN_MAX} characters`).describe('Markdown');
const kind = z.enum(ACTION_ITEM_KINDS);
const status = z.enum(ACTION_ITEM_STATUSES);
const ownerId = z.string().min(1).max(100).nullable().describe('An active user who can see the incident (on a restricted incident, one of its members)');
const ref = z.string().min(1).max(100).nullable();

export const createActionItemBody = z.strictObject({
  title,
  description: description.optional(),
  kind,
  owner_id: ownerId.optional(),
  due_at: instant.nullable().optional(),
  status: status.optional().describe('Default: open'),
  control_id: ref.optional().describe('The control it improves'),
  risk_id: ref.optional().describe('The risk it treats'),
});

export const updateActionItemBody = z.strictObject({
  title: title.optional(),
  description: description.optional(),
  kind: kind.optional(),
  owner_id: ownerId.optional(),
  due_at: instant.nullable().optional(),
  status: status.optional().describe('done stamps done_at; any other status clears it. The owner may change it without review.write'),
  control_id: ref.optional(),
  risk_id: ref.optional(),
  version: z.number().int().positive().optional().describe('Alternative to the If-Match header'),
});

export const listActionItemsQuery = z.strictObject({
  ...pageQuery,
  owner_id: z.string().max(100).optional().describe('A user id, or "me"'),
  status: listOf(status).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export const actionItemSchema = z.object({
  id: z.string(),
  incident: z.object({ id: z.string(), number: z.string(), title: z.string() }).nullable(),
  review_id: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  kind,
  owner: personRef.nullable(),
  due_at: instantOut.nullable(),
  status,
  overdue: z.boolean().describe('Open or in progress, and past its due date'),
  control_id: z.string().nullable(),
  risk_id: z.string().nullable(),
  done_at: instantOut.nullable(),
  created_at: instantOut,
  created_by: z.string(),
  updated_at: instantOut,
  updated_by: z.string(),
  version: z.number().int(),
});

export const actionItemListSchema = z.object({ items: z.array(actionItemSchema) });
export const actionItemPageSchema = pageOf(actionItemSchema);
