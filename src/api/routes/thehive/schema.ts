import { z } from 'zod';
import { TAG_MAX, TAGS_MAX, TITLE_MAX } from '../../../domain/incident.js';
import { ALERT_DESCRIPTION_MAX, ALERT_TYPE_MAX, OBSERVABLES_PER_ALERT_MAX, SOURCE_MAX, SOURCE_REF_MAX } from '../../../domain/ingestion.js';
import { OBSERVABLE_VALUE_MAX_LENGTH } from '../../../domain/observables.js';

/**
 * TheHive's alert JSON (TheHive 4 /api/alert and 5 /api/v1/alert). Senders add fields of their own
 * (caseTemplate, customFields, follow, externalLink…), so unknown fields are accepted and kept in raw.
 */
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
const tags = z.array(z.string().trim().max(TAG_MAX, `at most ${TAG_MAX} characters`)).max(TAGS_MAX, `at most ${TAGS_MAX} tags`);

export const theHiveArtifact = z.looseObject({
  dataType: text(100),
  data: z.string().max(OBSERVABLE_VALUE_MAX_LENGTH * 2, `at most ${OBSERVABLE_VALUE_MAX_LENGTH} characters`).optional().describe('Attachments are not kept: send the file name or its hash'),
  message: z.string().max(2000).optional(),
  tags: tags.optional(),
  ioc: z.boolean().optional(),
  sighted: z.boolean().optional(),
  tlp: z.number().int().min(0).max(4).optional(),
});

export const theHiveAlertBody = z.looseObject({
  type: text(ALERT_TYPE_MAX),
  source: text(SOURCE_MAX),
  sourceRef: text(SOURCE_REF_MAX),
  title: text(TITLE_MAX),
  description: z.string().max(ALERT_DESCRIPTION_MAX).optional(),
  severity: z.number().int().min(1).max(4).optional().describe("TheHive's scale: 1 low … 4 critical (stored inverted: 4 → 1)"),
  date: z.number().optional().describe('Epoch milliseconds'),
  tags: tags.optional(),
  tlp: z.number().int().min(0).max(4).optional().describe('0 white/clear, 1 green, 2 amber, 3 red, 4 amber+strict'),
  pap: z.number().int().min(0).max(3).optional().describe('0 white/clear, 1 green, 2 amber, 3 red'),
  artifacts: z.array(theHiveArtifact).max(OBSERVABLES_PER_ALERT_MAX).optional(),
  observables: z.array(theHiveArtifact).max(OBSERVABLES_PER_ALERT_MAX).optional(),
});
export type TheHiveAlertBody = z.infer<typeof theHiveAlertBody>;

export const theHiveAlertSchema = z.looseObject({
  _id: z.string().nullable(),
  id: z.string().nullable(),
  _type: z.string(),
  status: z.string(),
}).describe("TheHive's alert shape, enough for TheHive4py, ElastAlert2 and Wazuh");
