import { z } from 'zod';
import { TAG_MAX, TAGS_MAX, TITLE_MAX, TLP_LEVELS } from '../../../domain/incident.js';
import { ALERT_DESCRIPTION_MAX, ALERT_TYPE_MAX, BATCH_MAX, INGEST_OUTCOMES, OBSERVABLES_PER_ALERT_MAX, PAP_LEVELS, RAW_MAX_BYTES, SOURCE_MAX, SOURCE_REF_MAX } from '../../../domain/ingestion.js';
import { OBSERVABLE_TYPES, OBSERVABLE_VALUE_MAX_LENGTH } from '../../../domain/observables.js';
import { instant, instantOut } from '../../schemas.js';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
const tags = z.array(text(TAG_MAX)).max(TAGS_MAX, `at most ${TAGS_MAX} tags`);

export const alertObservableBody = z.strictObject({
  type: z.enum(OBSERVABLE_TYPES),
  value: z.string().max(OBSERVABLE_VALUE_MAX_LENGTH * 2, `at most ${OBSERVABLE_VALUE_MAX_LENGTH} characters`).describe('Refanged and normalised on the way in (hxxp, [.], case, IDNA, IPv6)'),
  ioc: z.boolean().optional(),
  sighted: z.boolean().optional(),
  tlp: z.enum(TLP_LEVELS).optional().describe("Default: the alert's"),
  tags: tags.optional(),
  note: z.string().max(2000).optional(),
});

const rawWithinLimit = (raw: unknown) => raw === undefined || JSON.stringify(raw).length <= RAW_MAX_BYTES;

export const alertBody = z.strictObject({
  source: text(SOURCE_MAX).describe('The sender, e.g. "splunk-prod" or "wazuh"'),
  source_ref: text(SOURCE_REF_MAX).describe("The sender's own id for the alert: the same (source, source_ref) is stored once"),
  type: text(ALERT_TYPE_MAX).optional().describe('Kind of alert, e.g. "edr", "phishing-report"; default "alert"'),
  title: text(TITLE_MAX),
  description: z.string().max(ALERT_DESCRIPTION_MAX, `at most ${ALERT_DESCRIPTION_MAX} characters`).optional(),
  severity: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional().describe('1 critical, 2 high, 3 medium (default), 4 low'),
  occurred_at: instant.nullable().optional(),
  tags: tags.optional(),
  tlp: z.enum(TLP_LEVELS).optional().describe('TLP 2.0; default amber'),
  pap: z.enum(PAP_LEVELS).optional().describe('default amber'),
  observables: z.array(alertObservableBody).max(OBSERVABLES_PER_ALERT_MAX, `at most ${OBSERVABLES_PER_ALERT_MAX} observables per alert`).optional(),
  raw: z.unknown().optional().refine(rawWithinLimit, `the original JSON is at most ${RAW_MAX_BYTES / 1024} KB`).describe('The original JSON, kept as sent'),
});
export type AlertBody = z.infer<typeof alertBody>;

export const batchBody = z.strictObject({
  alerts: z.array(z.unknown()).min(1, 'at least one alert').describe(`Up to ${BATCH_MAX} alerts, each shaped as the body of POST /api/v1/alerts; each is checked on its own`),
});

const errorsSchema = z.array(z.object({ path: z.string(), message: z.string() }));

export const ingestOneSchema = z.object({
  outcome: z.enum(INGEST_OUTCOMES),
  alert_id: z.string().nullable().describe('null when a snooze rule dropped it'),
  rule_id: z.string().optional().describe('The rule that snoozed, folded or attached it'),
  incident_id: z.string().optional().describe('The incident an attach rule sent it to'),
  at: instantOut,
});

export const batchResultSchema = z.object({
  index: z.number().int(),
  outcome: z.enum(INGEST_OUTCOMES),
  alert_id: z.string().nullable(),
  rule_id: z.string().optional(),
  incident_id: z.string().optional(),
  errors: errorsSchema.optional(),
});

export const batchReportSchema = z.object({
  received: z.number().int(),
  counts: z.object(Object.fromEntries(INGEST_OUTCOMES.map((o) => [o, z.number().int()])) as Record<(typeof INGEST_OUTCOMES)[number], z.ZodNumber>),
  results: z.array(batchResultSchema).describe('One per alert sent, in the order sent'),
  at: instantOut,
});
