import { z } from 'zod';
import { TAG_MAX } from '../../../domain/incident.js';
import { ALERT_STATUSES, DISMISS_REASON_MAX, TRIAGE_BATCH_MAX } from '../../../domain/triage.js';
import { instant, instantOut, listOf, pageOf, pageQuery } from '../../schemas.js';
import { createIncidentBody, incidentSchema } from '../incidents/schema.js';

const id = z.string().min(1).max(100);
const alertIds = z.array(id).min(1, 'name at least one alert').max(TRIAGE_BATCH_MAX, `at most ${TRIAGE_BATCH_MAX} alerts at once`);
const observableIds = z.array(id).max(1000).optional().describe('Which of the alerts’ observables come along to the incident; all of them when absent, none when empty');

export const listAlertsQuery = z.strictObject({
  ...pageQuery,
  status: listOf(z.enum(ALERT_STATUSES)).optional().describe('new, promoted, merged, dismissed; comma-separated for several'),
  source: listOf(z.string().max(200)).optional(),
  severity: listOf(z.enum(['1', '2', '3', '4']).transform(Number)).optional().describe('1 critical … 4 low'),
  tag: listOf(z.string().max(TAG_MAX)).optional().describe('Alerts carrying every one of these tags'),
  group: id.optional().describe('Alerts of one correlation group'),
  incident: id.optional().describe('Alerts promoted or merged into one incident'),
  q: z.string().max(200).optional().describe('Text in the title, or exactly the sender’s reference or the alert id'),
  since: instant.optional().describe('Last seen at or after this instant'),
});

export const incidentLabel = z.object({ id: z.string(), number: z.string(), title: z.string() });
const groupRef = z.object({ id: z.string(), title: z.string(), alert_count: z.number().int() });

const alertFields = {
  id: z.string(),
  source: z.string(),
  source_ref: z.string().describe('The sender’s own id; (source, source_ref) is unique'),
  type: z.string(),
  title: z.string(),
  severity: z.number().int().describe('1 critical … 4 low'),
  occurred_at: instantOut.nullable(),
  tags: z.array(z.string()),
  tlp: z.string(),
  pap: z.string(),
  status: z.enum(ALERT_STATUSES),
  fingerprint: z.string().nullable(),
  group_id: z.string().nullable(),
  incident_id: z.string().nullable(),
  dismiss_reason: z.string().nullable(),
  triaged_at: instantOut.nullable(),
  triaged_by: z.string().nullable(),
  repeat_count: z.number().int().describe('How many times the sender sent it (repeats fold into one alert)'),
  first_seen_at: instantOut,
  last_seen_at: instantOut,
  created_at: instantOut,
  updated_at: instantOut,
  version: z.number().int(),
};

export const alertListItemSchema = z.object({ ...alertFields, group: groupRef.nullable(), incident: incidentLabel.nullable() });
export const alertPageSchema = pageOf(alertListItemSchema);
export const alertSchema = z.object({ ...alertFields, description: z.string(), raw: z.unknown().describe('The JSON the sender sent, as it sent it') });

export const alertGroupSchema = z.object({
  id: z.string(),
  title: z.string(),
  reason: z.unknown().describe('Why these alerts were grouped: the shared observables or the rule’s fields'),
  alert_count: z.number().int(),
  first_seen_at: instantOut,
  last_seen_at: instantOut,
});

const alertObservableSchema = z.object({
  observable_id: z.string(),
  type: z.string(),
  value: z.string().describe('Normalised'),
  ioc: z.boolean(),
  sighted: z.boolean(),
  tlp: z.string(),
  tags: z.array(z.string()),
  note: z.string(),
  count: z.number().int(),
  ignore_similarity: z.boolean(),
  seen: z.object({
    sighting_count: z.number().int().describe('Sightings on alerts and incidents altogether'),
    first_seen_at: instantOut,
    last_seen_at: instantOut,
    incidents: z.array(incidentLabel.extend({ phase: z.string() })).describe('Incidents you may see where it was sighted, newest first (at most 5)'),
  }),
});

export const alertDetailSchema = alertSchema.extend({
  group: alertGroupSchema.nullable(),
  incident: incidentLabel.nullable(),
  observables: z.array(alertObservableSchema),
});

export const promoteBody = z.strictObject({
  alert_ids: alertIds,
  observable_ids: observableIds,
  incident: createIncidentBody
    .omit({ occurred_at: true, detected_at: true, reported_at: true })
    .partial({ title: true })
    .describe('The new incident. Title, severity, TLP and tags default to the alerts’ (the first title, the most severe, the strictest TLP, all tags); detection time is the earliest alert’s'),
});

export const mergeBody = z.strictObject({ alert_ids: alertIds, incident_id: id.describe('The incident’s id or number (INC-2026-0042)'), observable_ids: observableIds });
export const dismissBody = z.strictObject({
  alert_ids: alertIds,
  reason: z.string().trim().min(1, 'say why').max(DISMISS_REASON_MAX, `at most ${DISMISS_REASON_MAX} characters`).describe('Why: false positive, benign, duplicate, …'),
});
export const reopenBody = z.strictObject({ alert_ids: alertIds });

export const triageResultSchema = z.object({ alerts: z.array(alertSchema.omit({ description: true, raw: true })) });
export const promoteResultSchema = triageResultSchema.extend({ incident: incidentSchema });
export const mergeResultSchema = triageResultSchema.extend({ incident_id: z.string() });
