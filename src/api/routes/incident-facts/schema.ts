import { z } from 'zod';
import { instant } from '../../schemas.js';

const count = z.number().int().min(0, 'cannot be negative').max(10_000_000_000);
const words = z.array(z.string().trim().min(1).max(200)).max(50).default([]);
const prose = z.string().trim().max(10_000).default('');

export const incidentFactsBody = z.strictObject({
  aware_at: instant.describe('When the organisation became reasonably certain a reportable incident or breach happened (GDPR/NIS2 awareness)'),
  discovered_at: instant.optional().describe('When anyone first knew of the event (HIPAA discovery); ≤ aware_at'),
  personal_data: z.boolean(),
  data_subject_jurisdictions: z.array(z.string().regex(/^[A-Za-z]{2}$/, 'a two-letter ISO 3166-1 code such as DE').transform((c) => c.toUpperCase())).max(300).optional(),
  affected_people: count.optional(),
  affected_by_state: z.record(z.string().regex(/^[A-Z]{2}$/, 'a two-letter state code such as CA'), count).optional(),
  affected_records: count.optional(),
  data_categories: words.describe('Kinds of personal data, e.g. "contact details", "health records"'),
  subject_categories: words.describe('Kinds of people, e.g. "customers", "employees"'),
  nature: prose.describe('What happened, for a regulator'),
  likely_consequences: prose,
  measures_taken: prose,
  measures_proposed: prose,
  version: z.number().int().optional().describe('The version you edit (or If-Match); required once the facts exist'),
});

export const incidentFactsSchema = z.object({
  incident_id: z.string(),
  aware_at: z.string(),
  discovered_at: z.string().optional(),
  personal_data: z.boolean(),
  data_subject_jurisdictions: z.array(z.string()).optional(),
  affected_people: z.number().optional(),
  affected_by_state: z.record(z.string(), z.number()).optional(),
  affected_records: z.number().optional(),
  data_categories: z.array(z.string()),
  subject_categories: z.array(z.string()),
  nature: z.string(),
  likely_consequences: z.string(),
  measures_taken: z.string(),
  measures_proposed: z.string(),
  version: z.number().int(),
  updated_at: z.string(),
  updated_by: z.string(),
});
