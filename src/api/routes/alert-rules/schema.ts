import { z } from 'zod';
import { ALERT_RULE_KINDS, RULE_WINDOW_MAX_SECONDS } from '../../../domain/alert-rules.js';
import { TAG_MAX, TITLE_MAX } from '../../../domain/incident.js';
import { OBSERVABLE_TYPES } from '../../../domain/observables.js';
import { instant, instantOut } from '../../schemas.js';

const list = (item: z.ZodType<string>) => z.array(item).max(100);
const text = (max: number) => z.string().trim().min(1).max(max);

export const conditionsSchema = z
  .strictObject({
    source: list(text(200)).optional(),
    type: list(text(200)).optional(),
    severity: z.array(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])).max(4).optional(),
    tags: list(text(TAG_MAX)).optional(),
    title_contains: text(TITLE_MAX).optional(),
    observable_types: z.array(z.enum(OBSERVABLE_TYPES)).max(OBSERVABLE_TYPES.length).optional(),
  })
  .describe('Every condition given must hold; within a list any value matches. Empty: every alert.');

const common = {
  name: text(200),
  enabled: z.boolean().optional().describe('Default true'),
  conditions: conditionsSchema.optional(),
  fields: z.array(z.string().max(100)).max(20).optional().describe('fingerprint and correlate rules: source, type, title, severity, description, tags or observable:<type>'),
  window_seconds: z.number().int().min(1).max(RULE_WINDOW_MAX_SECONDS).nullable().optional().describe('fingerprint and correlate rules: how far back an earlier alert still counts'),
  until: instant.nullable().optional().describe('snooze rules: when the snooze ends; none = until disabled'),
  incident_id: z.string().max(100).nullable().optional().describe('attach rules: the open incident new matching alerts join'),
};

export const createAlertRuleBody = z.strictObject({ kind: z.enum(ALERT_RULE_KINDS), ...common });
export const updateAlertRuleBody = z.strictObject({ ...common, name: common.name.optional(), version: z.number().int().positive().optional() });
export const listAlertRulesQuery = z.strictObject({ kind: z.enum(ALERT_RULE_KINDS).optional() });

export const alertRuleSchema = z.object({
  id: z.string(),
  kind: z.enum(ALERT_RULE_KINDS),
  name: z.string(),
  enabled: z.boolean(),
  conditions: z.record(z.string(), z.unknown()),
  fields: z.array(z.string()),
  window_seconds: z.number().int().nullable(),
  until: instantOut.nullable(),
  incident_id: z.string().nullable(),
  matched_count: z.number().int().describe('Alerts the rule matched since it was made'),
  created_at: instantOut,
  created_by: z.string(),
  updated_at: instantOut,
  version: z.number().int(),
});
export const alertRuleListSchema = z.object({ items: z.array(alertRuleSchema), next_cursor: z.null() });
