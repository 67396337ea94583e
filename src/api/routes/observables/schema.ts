import { z } from 'zod';
import { TAG_MAX, TAGS_MAX, TLP_LEVELS } from '../../../domain/incident.js';
import { OBSERVABLE_TYPES, OBSERVABLE_VALUE_MAX_LENGTH } from '../../../domain/observables.js';
import { OBSERVABLES_PER_REQUEST_MAX } from '../../../services/observables/add-incident-observables.js';
import { instantOut, pageOf, pageQuery } from '../../schemas.js';

const NOTE_MAX = 10_000;
const type = z.enum(OBSERVABLE_TYPES);
const tags = z.array(z.string().trim().min(1).max(TAG_MAX)).max(TAGS_MAX);
const note = z.string().max(NOTE_MAX, `at most ${NOTE_MAX} characters`).describe('Markdown');

export const newObservable = z.strictObject({
  type,
  value: z.string().max(OBSERVABLE_VALUE_MAX_LENGTH, `at most ${OBSERVABLE_VALUE_MAX_LENGTH} characters`).describe('Refanged and normalised: hxxp, [.] and (.) are undone, domains lower-cased and IDNA-encoded, IPv6 in RFC 5952 form, hashes lower-case'),
  ioc: z.boolean().optional().describe('Known malicious (an indicator of compromise)'),
  sighted: z.boolean().optional().describe('Actually seen in your environment'),
  tlp: z.enum(TLP_LEVELS).optional().describe("TLP 2.0; default: the incident's"),
  tags: tags.optional(),
  note: note.optional(),
});

export const addObservablesBody = z.strictObject({
  observables: z.array(newObservable).min(1, 'at least one observable').max(OBSERVABLES_PER_REQUEST_MAX, `at most ${OBSERVABLES_PER_REQUEST_MAX} per request`),
});

export const updateSightingBody = z.strictObject({
  ioc: z.boolean().optional(),
  sighted: z.boolean().optional(),
  tlp: z.enum(TLP_LEVELS).optional(),
  tags: tags.optional(),
  note: note.optional(),
  version: z.number().int().positive().optional().describe('Alternative to the If-Match header'),
});

export const updateObservableBody = z.strictObject({
  ignore_similarity: z.boolean().optional().describe('Stop counting it as "seen before" and stop correlating alerts on it (resolvers, proxies, the empty file hash)'),
  version: z.number().int().positive().optional().describe('Alternative to the If-Match header'),
});

export const sightingParams = z.object({ id: z.string().min(1).max(100), sighting_id: z.string().min(1).max(100) });

export const lookupQuery = z.strictObject({
  type: type.optional().describe('Guessed from the value when left out (IP, network, hash, MAC, CVE, e-mail, URL, domain)'),
  value: z.string().min(1, 'must not be empty').max(OBSERVABLE_VALUE_MAX_LENGTH, `at most ${OBSERVABLE_VALUE_MAX_LENGTH} characters`),
  ...pageQuery,
});

export const observablePageQuery = z.strictObject({ ...pageQuery });

export const observableSchema = z.object({
  id: z.string(),
  type,
  value: z.string(),
  ignore_similarity: z.boolean(),
  created_at: instantOut,
  updated_at: instantOut,
  version: z.number().int(),
});

const subject = z.discriminatedUnion('type', [
  z.object({ type: z.literal('incident'), id: z.string(), number: z.string(), title: z.string(), phase: z.string(), severity: z.number().int() }),
  z.object({ type: z.literal('alert'), id: z.string(), title: z.string(), source: z.string(), status: z.string(), severity: z.number().int() }),
]);

export const sightingSchema = z.object({
  id: z.string(),
  observable: z.object({ id: z.string(), type, value: z.string(), ignore_similarity: z.boolean() }),
  subject: subject.describe('The alert or incident it was seen on'),
  ioc: z.boolean(),
  sighted: z.boolean(),
  tlp: z.enum(TLP_LEVELS),
  tags: z.array(z.string()),
  note: z.string(),
  count: z.number().int().describe('Times seen on this subject'),
  first_seen_at: instantOut,
  last_seen_at: instantOut,
  created_at: instantOut,
  created_by: z.string(),
  updated_at: instantOut,
  version: z.number().int(),
  seen_elsewhere: z.number().int().optional().describe('Other alerts and incidents (that you may see) with this observable; 0 when its similarity is ignored'),
});

export const sightingListSchema = z.object({ items: z.array(sightingSchema) });

export const historySchema = z.object({
  type,
  value: z.string().describe('The normalised value'),
  observable: observableSchema.nullable().describe('Null when never seen'),
  summary: z.object({
    incidents: z.number().int(),
    alerts: z.number().int(),
    times_seen: z.number().int(),
    first_seen_at: instantOut.nullable(),
    last_seen_at: instantOut.nullable(),
  }).describe('Over the sightings you may see (restricted incidents only for their members)'),
  sightings: pageOf(sightingSchema).describe('Most recently seen first'),
});
