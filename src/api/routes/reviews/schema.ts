import { z } from 'zod';
import { MARKDOWN_MAX, TITLE_MAX } from '../../../domain/incident.js';
import { LOSS_FORMS, MAX_WHYS, REVIEW_REQUIRABLE_FIELDS, REVIEW_STATUSES, ROOT_CAUSE_KINDS } from '../../../domain/review.js';
import { instant, instantOut } from '../../schemas.js';
import { metricsSchema } from '../incidents/schema.js';
import { timelineEntrySchema } from '../timeline/schema.js';

const LIST_MAX = 200;
const text = z.string().max(MARKDOWN_MAX, `at most ${MARKDOWN_MAX} characters`);
const line = z.string().max(10_000, 'at most 10,000 characters');
const count = z.number().int().min(0).nullable();
const amount = z.number().min(0).finite().nullable().describe("In the organisation's currency; null when not known");
const id = z.string().min(1).max(100);

const impactIn = z.strictObject({
  records_affected: count.optional(),
  people_affected: count.optional(),
  systems_affected: count.optional(),
  downtime_minutes: count.optional(),
  realised_loss: z.strictObject(Object.fromEntries(LOSS_FORMS.map((form) => [form, amount.optional()])) as Record<(typeof LOSS_FORMS)[number], z.ZodOptional<typeof amount>>).optional().describe('Realised loss by FAIR loss form'),
});

const rootCause = z.strictObject({
  statement: line,
  kind: z.enum(ROOT_CAUSE_KINDS),
  whys: z.array(line).max(MAX_WHYS, `at most ${MAX_WHYS} whys`).default([]).describe('The five-whys chain, each answer asking "why?" of the one before'),
  risk_id: id.nullable().optional().describe('The risk of the register this cause is'),
});

const participant = z.strictObject({
  user_id: id.nullable().optional(),
  name: z.string().trim().min(1, 'must not be empty').max(TITLE_MAX),
  role: z.string().max(TITLE_MAX).default(''),
});

export const saveReviewBody = z.strictObject({
  summary: text.optional().describe('Markdown'),
  impact: impactIn.optional().describe('Figures left out keep their value'),
  timeline_entry_ids: z.array(id).max(1000).optional().describe("Entries of the incident's timeline for the review's timeline"),
  root_causes: z.array(rootCause).max(LIST_MAX).optional(),
  went_well: z.array(line).max(LIST_MAX).optional(),
  went_badly: z.array(line).max(LIST_MAX).optional(),
  lessons: z.array(line).max(LIST_MAX).optional(),
  participants: z.array(participant).max(LIST_MAX).optional(),
  meeting_at: instant.nullable().optional(),
  version: z.number().int().positive().optional().describe('Alternative to the If-Match header'),
});

export const completeReviewBody = z.strictObject({ version: z.number().int().positive().optional().describe('Alternative to the If-Match header') }).nullish();

const impactOut = z.object({
  records_affected: z.number().nullable(),
  people_affected: z.number().nullable(),
  systems_affected: z.number().nullable(),
  downtime_minutes: z.number().nullable(),
  realised_loss: z.object(Object.fromEntries(LOSS_FORMS.map((form) => [form, z.number().nullable()])) as Record<(typeof LOSS_FORMS)[number], z.ZodNullable<z.ZodNumber>>),
});

export const reviewSchema = z.object({
  id: z.string(),
  incident_id: z.string(),
  status: z.enum(REVIEW_STATUSES),
  summary: z.string(),
  impact: impactOut,
  timeline_entry_ids: z.array(z.string()),
  timeline: z.array(timelineEntrySchema).describe('The chosen timeline entries, in time order'),
  root_causes: z.array(z.object({ statement: z.string(), kind: z.enum(ROOT_CAUSE_KINDS), whys: z.array(z.string()), risk_id: z.string().nullable().optional() })),
  went_well: z.array(z.string()),
  went_badly: z.array(z.string()),
  lessons: z.array(z.string()),
  participants: z.array(z.object({ user_id: z.string().nullable().optional(), name: z.string(), role: z.string() })),
  meeting_at: instantOut.nullable(),
  required_fields: z.array(z.enum(REVIEW_REQUIRABLE_FIELDS)),
  missing_fields: z.array(z.enum(REVIEW_REQUIRABLE_FIELDS)).describe('Required fields not given yet; completing needs none'),
  completed_at: instantOut.nullable(),
  completed_by: z.string().nullable(),
  created_at: instantOut,
  created_by: z.string(),
  updated_at: instantOut,
  updated_by: z.string(),
  version: z.number().int(),
});

export const completedReviewSchema = z.object({
  review: reviewSchema,
  proposals: z.array(z.looseObject({ id: z.string(), kind: z.string(), target_type: z.string(), target_id: z.string(), status: z.string() })).describe('The register changes the review proposes, each waiting for a risk owner'),
});

const medianSchema = z.object({ median_ms: z.number().nullable(), incidents: z.number().int().describe('Incidents where this metric is known') });

export const incidentMetricsSchema = z.object({
  incident_id: z.string(),
  metrics: metricsSchema,
  medians: z.object({
    time_to_detect_ms: medianSchema,
    time_to_acknowledge_ms: medianSchema,
    time_to_contain_ms: medianSchema,
    time_to_eradicate_ms: medianSchema,
    time_to_recover_ms: medianSchema,
    time_to_close_ms: medianSchema,
  }).describe("The organisation's medians over incidents detected in the last 12 months"),
  medians_since: instantOut,
  phases: z.array(z.object({ phase: z.string(), entered_at: instantOut, left_at: instantOut.nullable(), duration_ms: z.number().nullable() })),
});
