import { z } from 'zod';
import { INCIDENT_ROLES } from '../../../domain/access.js';
import { CATEGORY_KEY_PATTERN, MARKDOWN_MAX, RESOLUTIONS, TAG_MAX, TAGS_MAX, TITLE_MAX, TLP_LEVELS } from '../../../domain/incident.js';
import { PHASES } from '../../../domain/lifecycle.js';
import { FUNCTIONAL_IMPACTS, INFORMATION_IMPACTS, RECOVERABILITIES } from '../../../domain/severity.js';
import { instant, instantOut, listOf, pageOf, pageQuery } from '../../schemas.js';

const title = z.string().trim().min(1, 'must not be empty').max(TITLE_MAX, `at most ${TITLE_MAX} characters`);
const markdown = z.string().max(MARKDOWN_MAX, `at most ${MARKDOWN_MAX} characters`);
const severity = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).describe('1 critical, 2 high, 3 medium, 4 low');
const category = z.string().regex(CATEGORY_KEY_PATTERN, 'a category key such as ransomware or data_breach');
const tags = z.array(z.string().trim().min(1).max(TAG_MAX)).max(TAGS_MAX);
const ratings = {
  functional_impact: z.enum(FUNCTIONAL_IMPACTS).nullable().optional(),
  information_impact: z.enum(INFORMATION_IMPACTS).nullable().optional(),
  recoverability: z.enum(RECOVERABILITIES).nullable().optional(),
};

export const createIncidentBody = z.strictObject({
  title,
  summary: markdown.optional(),
  category,
  severity: severity.optional().describe('Defaults to the one the NIST impact ratings suggest, else 3'),
  ...ratings,
  tlp: z.enum(TLP_LEVELS).optional().describe('TLP 2.0; default amber'),
  tags: tags.optional(),
  restricted: z.boolean().optional().describe('Only members and administrators see a restricted incident'),
  occurred_at: instant.nullable().optional(),
  detected_at: instant.optional().describe('Default: now'),
  reported_at: instant.nullable().optional(),
  commander_id: z.string().max(100).optional().describe('User who takes command'),
});

export const updateIncidentBody = z.strictObject({
  title: title.optional(),
  summary: markdown.optional(),
  category: category.optional(),
  severity: severity.optional(),
  ...ratings,
  tlp: z.enum(TLP_LEVELS).optional(),
  tags: tags.optional(),
  restricted: z.boolean().optional(),
  resolution: z.enum(RESOLUTIONS).nullable().optional(),
  occurred_at: instant.nullable().optional(),
  detected_at: instant.optional(),
  reported_at: instant.nullable().optional(),
  acknowledged_at: instant.nullable().optional(),
  contained_at: instant.nullable().optional(),
  eradicated_at: instant.nullable().optional(),
  recovered_at: instant.nullable().optional(),
  version: z.number().int().positive().optional().describe('Alternative to the If-Match header'),
});

export const transitionBody = z.strictObject({
  to: z.enum(PHASES),
  reason: z.string().trim().max(2000).optional().describe('Required when the move skips a phase'),
  resolution: z.enum(RESOLUTIONS).optional().describe('Required when closing'),
  version: z.number().int().positive().optional(),
});

export const reviewMarkBody = z.strictObject({ completed: z.boolean() });

export const listIncidentsQuery = z.strictObject({
  ...pageQuery,
  phase: listOf(z.enum(PHASES)).optional(),
  severity: listOf(z.enum(['1', '2', '3', '4']).transform(Number)).optional(),
  category: listOf(category).optional(),
  tag: listOf(z.string().max(TAG_MAX)).optional(),
  assignee: z.string().max(100).optional().describe('A user id, or "me": incidents where that person holds a role'),
  open: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  restricted: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  detected_from: instant.optional(),
  detected_to: instant.optional(),
  q: z.string().max(200).optional().describe('Full-text search over number, title, summary and tags'),
  sort: z.enum(['created_at', 'updated_at', 'detected_at', 'severity', 'number']).optional(),
  direction: z.enum(['asc', 'desc']).optional(),
});

export const metricsSchema = z.object({
  time_to_detect_ms: z.number().nullable(),
  time_to_acknowledge_ms: z.number().nullable(),
  time_to_contain_ms: z.number().nullable(),
  time_to_eradicate_ms: z.number().nullable(),
  time_to_recover_ms: z.number().nullable(),
  time_to_close_ms: z.number().nullable(),
});

export const personRef = z.object({ id: z.string(), name: z.string() });

export const incidentSchema = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  summary: z.string(),
  category: z.string(),
  severity: z.number().int(),
  functional_impact: z.string().nullable(),
  information_impact: z.string().nullable(),
  recoverability: z.string().nullable(),
  tlp: z.string(),
  tags: z.array(z.string()),
  restricted: z.boolean(),
  phase: z.enum(PHASES),
  resolution: z.string().nullable(),
  occurred_at: instantOut.nullable(),
  detected_at: instantOut,
  reported_at: instantOut.nullable(),
  acknowledged_at: instantOut.nullable(),
  contained_at: instantOut.nullable(),
  eradicated_at: instantOut.nullable(),
  recovered_at: instantOut.nullable(),
  closed_at: instantOut.nullable(),
  review_completed_at: instantOut.nullable(),
  review_completed_by: z.string().nullable(),
  metrics: metricsSchema,
  created_at: instantOut,
  created_by: z.string(),
  updated_at: instantOut,
  updated_by: z.string(),
  version: z.number().int(),
});

export const memberSchema = z.object({
  id: z.string(),
  user_id: z.string(),
  user_name: z.string(),
  user_email: z.string(),
  role: z.enum(INCIDENT_ROLES),
  assigned_at: instantOut,
  assigned_by: z.string(),
  released_at: instantOut.nullable(),
  released_by: z.string().nullable(),
});

export const phaseChangeSchema = z.object({
  id: z.string(),
  from_phase: z.enum(PHASES),
  to_phase: z.enum(PHASES),
  reason: z.string().nullable(),
  at: instantOut,
  actor_id: z.string(),
});

export const incidentDetailSchema = incidentSchema.extend({
  members: z.array(memberSchema).describe('Who holds which role now'),
  phase_changes: z.array(phaseChangeSchema),
});

export const incidentPageSchema = pageOf(incidentSchema);
