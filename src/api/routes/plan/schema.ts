import { z } from 'zod';
import { INCIDENT_ROLES } from '../../../domain/access.js';
import { SEVERITIES } from '../../../domain/incident.js';
import { PLAN_SECTIONS } from '../../../domain/plan-rules.js';
import { AUDIENCES, CHANNELS, PLAN_STATUSES, THIRD_PARTY_KINDS, TEMPLATE_VARIABLES } from '../../../domain/plan.js';
import { PLAN_EXPORT_FORMATS } from '../../../services/plan/export-offline-plan.js';
import { instant, instantOut } from '../../schemas.js';

const LIST_MAX = 200;
const short = (max = 300) => z.string().trim().max(max, `at most ${max} characters`);
const name = z.string().trim().min(1, 'must not be empty').max(300, 'at most 300 characters');
const optional = (max = 300) => short(max).optional();
const text = z.string().max(20_000, 'at most 20,000 characters');
const slug = z.string().trim().min(1, 'must not be empty').max(64, 'at most 64 characters').regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, - and _ (e.g. "ciso")');
const severity = z.union(SEVERITIES.map((s) => z.literal(s)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>, z.ZodLiteral<4>]);
const positiveMinutes = z.number().int('whole minutes').positive('must be more than 0 minutes').max(60 * 24 * 30, 'at most 30 days');

const contact = z.strictObject({
  id: slug.describe('Stable within the plan; the escalation matrix and deputies name contacts by it'),
  name,
  title: short(),
  user_id: z.string().max(100).nullable().optional().describe('Their Bulwark account, when they have one'),
  incident_role: z.enum(INCIDENT_ROLES).nullable().optional().describe('The incident role they take when called'),
  deputies: z.array(slug).max(10).default([]).describe('Contact ids of their deputies, in order'),
  work_email: optional(),
  mobile_phone: optional(50).describe('Out of band'),
  personal_email: optional().describe('Out of band'),
  notes: optional(2000),
});

const severityDefinition = z.strictObject({ severity, name, description: short(4000), examples: z.array(short(1000)).max(50).default([]) });

const escalationRule = z.strictObject({
  id: slug,
  severities: z.array(severity).min(1, 'name at least one severity').max(4),
  categories: z.array(short(100)).max(50).default([]).describe('Empty: every category'),
  contact_ids: z.array(slug).min(1, 'name at least one contact to call').max(50),
  respond_within_minutes: positiveMinutes,
});

const template = z.strictObject({
  id: slug,
  name,
  audience: z.enum(AUDIENCES),
  channel: z.enum(CHANNELS),
  holding_statement: z.boolean().default(false),
  subject: short(500),
  body: text.describe(`Variables in double braces, only these: ${TEMPLATE_VARIABLES.join(', ')}`),
});

const thirdParty = z.strictObject({
  id: slug,
  kind: z.enum(THIRD_PARTY_KINDS),
  name,
  contact_name: optional(),
  phone: optional(50),
  email: optional(),
  contract_reference: optional(),
  policy_number: optional(100).describe('Insurers'),
  hotline: optional(50).describe('Insurers: the claim hotline'),
  notes: optional(2000),
});

const playbook = z.strictObject({ id: slug, title: name, location: short(2000).describe('A URL or a document reference'), categories: z.array(short(100)).max(50).default([]) });
const cadence = z.strictObject({ severity, every_minutes: positiveMinutes, audience: z.enum(AUDIENCES) });

export const planContentSchema = z.strictObject({
  title: name,
  scope: short(20_000),
  meeting_place: short(2000).describe('Where the team meets when buildings or networks are unavailable'),
  out_of_band_channel: short(2000).describe('The bridge when corporate e-mail and chat are down'),
  team: z.array(contact).max(LIST_MAX),
  severity_definitions: z.array(severityDefinition).max(4),
  escalation_rules: z.array(escalationRule).max(LIST_MAX),
  templates: z.array(template).max(LIST_MAX),
  third_parties: z.array(thirdParty).max(LIST_MAX),
  playbooks: z.array(playbook).max(LIST_MAX),
  status_update_cadence: z.array(cadence).max(4),
});

const versionField = z.number().int().min(0).optional().describe('Alternative to If-Match: the draft version you edit (leave out to open a new draft)');

export const saveDraftBody = z.strictObject({
  content: planContentSchema,
  change_note: short(2000).optional().describe('What changed and why, for the version history'),
  review_due_at: instant.nullable().optional().describe('When the plan is to be reviewed next'),
  version: versionField,
});

export const approveBody = z
  .strictObject({
    review_due_at: instant.optional().describe("Overrides the draft's review date; must be in the future"),
    version: z.number().int().positive().optional().describe('Alternative to If-Match'),
  })
  .nullish();

export const planVersionParams = z.object({ plan_version: z.coerce.number().int().positive().max(1_000_000) });
export const exportQuery = z.strictObject({ format: z.enum(PLAN_EXPORT_FORMATS).default('html') });

export const planVersionSchema = z.object({
  id: z.string(),
  plan_version: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  content: planContentSchema,
  content_sha256: z.string().describe('SHA-256 of the content as canonical JSON'),
  change_note: z.string(),
  changed_sections: z.array(z.enum(Object.keys(PLAN_SECTIONS) as [keyof typeof PLAN_SECTIONS])).describe('Sections that differ from the version before'),
  review_due_at: instantOut.nullable(),
  approved_at: instantOut.nullable(),
  approved_by: z.string().nullable(),
  approved_by_name: z.string().nullable(),
  created_at: instantOut,
  created_by: z.string(),
  updated_at: instantOut,
  updated_by: z.string(),
  updated_by_name: z.string().nullable(),
  version: z.number().int().describe('Optimistic-lock counter of this version'),
});

const exportRecord = z.object({ plan_version: z.number().int(), format: z.string(), sha256: z.string().describe('SHA-256 of the exported file'), exported_at: instantOut, exported_by: z.string(), exported_by_name: z.string().nullable() });

export const planOverviewSchema = z.object({
  in_force: planVersionSchema.nullable(),
  draft: planVersionSchema.nullable(),
  status: z.object({
    changed_since_export: z.boolean().describe('The plan in force is newer than the last offline export, or was never exported'),
    review_overdue: z.boolean(),
    review_due_at: instantOut.nullable(),
    last_export: exportRecord.nullable(),
  }),
});

export const planVersionsSchema = z.object({ items: z.array(planVersionSchema) });
