import { z } from 'zod';
import { COMMUNICATION_KINDS, COMMUNICATION_STATUSES } from '../../../domain/communication-workflow.js';
import { MARKDOWN_MAX, TITLE_MAX } from '../../../domain/incident.js';
import { AUDIENCES, CHANNELS, TEMPLATE_VARIABLES } from '../../../domain/plan.js';
import { instantOut, listOf } from '../../schemas.js';

const variables = `Variables as {{name}}: ${TEMPLATE_VARIABLES.join(', ')}; unknown ones are refused (400 naming them), ones without a value render as [name] and are listed in gaps.`;
const subject = z.string().max(TITLE_MAX, `at most ${TITLE_MAX} characters`).describe(variables);
const body = z.string().max(MARKDOWN_MAX, `at most ${MARKDOWN_MAX} characters`).describe(`Plain text. ${variables}`);
const recipients = z.array(z.string().trim().min(1, 'must not be empty').max(320)).max(500, 'at most 500 recipients').describe('E-mail addresses for channel email (each gets its own message); any description for other channels');
const version = z.number().int().positive().optional().describe('Alternative to the If-Match header');
const note = z.string().max(2000, 'at most 2,000 characters');

export const draftCommunicationBody = z.strictObject({
  template_id: z.string().min(1).max(100).optional().describe('A template of the plan in force; it supplies audience, channel, subject and body not given here'),
  audience: z.enum(AUDIENCES).optional(),
  channel: z.enum(CHANNELS).optional(),
  kind: z.enum(COMMUNICATION_KINDS).optional().describe('status_update counts for the status-update cadence; default message (holding_statement from a holding-statement template)'),
  subject: subject.optional(),
  body: body.optional(),
  recipients: recipients.optional(),
});

export const updateCommunicationBody = z.strictObject({
  audience: z.enum(AUDIENCES).optional(),
  channel: z.enum(CHANNELS).optional(),
  kind: z.enum(COMMUNICATION_KINDS).optional(),
  subject: subject.optional(),
  body: body.optional(),
  recipients: recipients.optional(),
  version,
});

export const stepBody = z.strictObject({ version, comment: note.optional() }).nullish();
export const reviewBody = z.strictObject({
  decision: z.enum(['approve', 'return']).describe('approve: legal review passed; return: back to draft (comment required)'),
  comment: note.optional(),
  version,
});
export const sendBody = z.strictObject({ version, note: note.optional().describe('For channels sent by hand: what was done, e.g. "Posted on the website at 14:05"') }).nullish();
export const withdrawBody = z.strictObject({ version, reason: note.optional() }).nullish();

export const listCommunicationsQuery = z.object({ status: listOf(z.enum(COMMUNICATION_STATUSES)).optional().describe('Only these statuses, e.g. sent for the sent log') });

const step = z.object({ kind: z.string(), at: instantOut, actor_id: z.string(), actor_name: z.string().nullable(), body: z.string(), comment: z.string().nullable() });

export const communicationSchema = z.object({
  id: z.string(),
  incident_id: z.string(),
  audience: z.enum(AUDIENCES),
  channel: z.enum(CHANNELS),
  kind: z.enum(COMMUNICATION_KINDS),
  template_id: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  recipients: z.array(z.string()),
  status: z.enum(COMMUNICATION_STATUSES),
  needs_legal_review: z.boolean().describe('Outside audiences: legal review before approval'),
  gaps: z.array(z.string()).describe('Variables that had no value and show as [name] in the text'),
  created_at: instantOut,
  created_by: z.string(),
  created_by_name: z.string().nullable(),
  legal_reviewed_at: instantOut.nullable(),
  legal_reviewed_by: z.string().nullable(),
  legal_reviewed_by_name: z.string().nullable(),
  approved_at: instantOut.nullable(),
  approved_by: z.string().nullable(),
  approved_by_name: z.string().nullable(),
  sent_at: instantOut.nullable(),
  sent_by: z.string().nullable(),
  sent_by_name: z.string().nullable(),
  updated_at: instantOut,
  updated_by: z.string(),
  version: z.number().int(),
  history: z.array(step).describe('Each step as the timeline recorded it, with review comments and send notes'),
});

export const sentCommunicationSchema = communicationSchema.extend({ emails_queued: z.number().int().describe('E-mails queued in the outbox (one per recipient)') });

export const incidentCommunicationsSchema = z.object({
  items: z.array(communicationSchema),
  next_status_update_due_at: instantOut.nullable(),
  status_update: z.object({ due_at: instantOut, every_minutes: z.number().int(), audience: z.enum(AUDIENCES), overdue: z.boolean() }).nullable().describe("The plan's cadence for this incident's severity; null when none (or closed)"),
  templates: z.array(z.object({ id: z.string(), name: z.string(), audience: z.enum(AUDIENCES), channel: z.enum(CHANNELS), holding_statement: z.boolean() })),
  plan_version: z.number().int().nullable(),
});

export const holdingStatementsSchema = z.object({
  plan_version: z.number().int().nullable(),
  items: z.array(z.object({ template_id: z.string(), name: z.string(), audience: z.enum(AUDIENCES), channel: z.enum(CHANNELS), subject: z.string(), body: z.string(), gaps: z.array(z.string()) })),
});
