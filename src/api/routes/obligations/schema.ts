import { z } from 'zod';
import { factProblems } from '../../../domain/obligations/facts.js';
import { regimeProblems } from '../../../domain/obligations/regime-check.js';
import { BUILT_IN_REGIMES } from '../../../domain/obligations/regimes.js';
import { DECISION_KINDS, FLAG_FACTS, HIPAA_ENTITY_KINDS, NIS2_ENTITY_KINDS, type ObligationFacts } from '../../../domain/obligations/types.js';
import { instant } from '../../schemas.js';

// Checked by the domain (facts.ts) with the other facts, so a bad zone is named once.
const timeZone = z.string().min(1).max(64);
const jurisdiction = z.string().regex(/^[A-Za-z]{2}$/, 'a two-letter ISO 3166-1 code such as DE').transform((c) => c.toUpperCase());
const stateCode = z.string().regex(/^[A-Z]{2}$/, 'a two-letter state or territory code such as CA');
const count = z.number().int().min(0).max(10_000_000_000);
const decisionKind = z.enum(DECISION_KINDS);
const slug = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _ (e.g. customer_contract)');

// --- organisation-defined regimes, as data (the shape of src/domain/obligations/types.ts) --------

export const conditionSchema = z
  .discriminatedUnion('fact', [
    z.strictObject({ fact: z.enum(FLAG_FACTS), is: z.boolean() }),
    z.strictObject({ fact: z.literal('organisation.nis2'), one_of: z.array(z.enum(NIS2_ENTITY_KINDS)).min(1) }),
    z.strictObject({ fact: z.literal('organisation.hipaa'), one_of: z.array(z.enum(HIPAA_ENTITY_KINDS)).min(1) }),
    z.strictObject({ fact: z.literal('incident.data_subject_jurisdictions'), includes_any: z.array(jurisdiction).min(1).max(300), if_unknown: z.boolean().optional() }),
    z
      .strictObject({ fact: z.literal('incident.affected_people'), at_least: count.optional(), below: count.optional(), if_unknown: z.boolean().optional() })
      .refine((c) => c.at_least !== undefined || c.below !== undefined, { message: 'give at_least, below or both', path: ['at_least'] }),
    z.strictObject({ fact: z.literal('incident.affected_by_state'), state: stateCode, at_least: count }),
    z.strictObject({ fact: z.literal('decision'), kind: decisionKind }),
  ], { error: `fact must be one of ${[...FLAG_FACTS, 'organisation.nis2', 'organisation.hipaa', 'incident.data_subject_jurisdictions', 'incident.affected_people', 'incident.affected_by_state', 'decision'].join(', ')}` })
  .describe('A test over the facts; all conditions of a list must hold');

const clockStartSchema = z.discriminatedUnion('from', [
  z.strictObject({ from: z.literal('aware_at') }),
  z.strictObject({ from: z.literal('discovered_at') }),
  z.strictObject({ from: z.literal('decision'), kind: decisionKind }),
  z.strictObject({ from: z.literal('stage'), stage: slug.describe('An earlier stage of the same regime; its deadline starts this clock') }),
], { error: 'from must be aware_at, discovered_at, decision or stage' });

const clockRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('elapsed_hours'), hours: z.number().positive().max(24 * 366 * 5) }),
  z.strictObject({ kind: z.literal('calendar_days'), days: z.number().int().min(1).max(366 * 5) }),
  z.strictObject({ kind: z.literal('calendar_months'), months: z.number().int().min(1).max(120) }),
  z.strictObject({
    kind: z.literal('business_days'),
    days: z.number().int().min(0).max(365),
    holidays: z.enum(['us_federal', 'none']),
    end_of_day: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a local time HH:MM such as 17:30').optional(),
  }),
  z.strictObject({ kind: z.literal('end_of_month'), month: z.number().int().min(1).max(12), years_after: z.number().int().min(0).max(10) }),
], { error: 'kind must be elapsed_hours, calendar_days, calendar_months, business_days or end_of_month' });

export const stageDefinitionSchema = z.strictObject({
  id: slug,
  recipient: z.string().trim().min(1, 'must not be empty').max(200),
  when: z.array(conditionSchema).max(20).optional(),
  per_state: z.strictObject({ at_least: z.number().int().min(1) }).optional().describe('One obligation per state in affected_by_state with at least this many residents; {state} in recipient names it'),
  time_zone: z.string().min(1).max(64).optional().describe("The recipient's IANA zone, if not the regime's"),
  clocks: z.array(z.strictObject({ start: clockStartSchema, rule: clockRuleSchema })).min(1, 'give at least one clock').max(5).describe('With several, the earliest deadline binds'),
  without_undue_delay: z.strictObject({ bound: z.enum(['legal', 'target']) }).optional(),
  basis: z.string().trim().min(1, 'cite the clause or article').max(1000),
});

export const regimeDefinitionSchema = z.strictObject({
  id: slug,
  name: z.string().trim().min(1, 'must not be empty').max(200),
  time_zone: z.string().min(1).max(64).default('organisation').describe("The recipient's IANA zone, or organisation"),
  applies_when: z.array(conditionSchema).max(20),
  stages: z.array(stageDefinitionSchema).min(1, 'give at least one stage').max(20),
});

// --- the preview -------------------------------------------------------------------------------

const organisation = z.strictObject({
  timezone: timeZone.describe('IANA zone of the organisation'),
  eu_controller: z.boolean().optional(),
  uk_controller: z.boolean().optional(),
  nis2: z.enum(NIS2_ENTITY_KINDS).optional(),
  dora_financial_entity: z.boolean().optional(),
  sec_registrant: z.boolean().optional(),
  hipaa: z.enum(HIPAA_ENTITY_KINDS).optional(),
});

const incident = z.strictObject({
  aware_at: instant.describe('When the organisation became reasonably certain a reportable incident or breach happened'),
  discovered_at: instant.optional().describe('When anyone in the organisation first knew of it (≤ aware_at); defaults to aware_at'),
  personal_data: z.boolean(),
  data_subject_jurisdictions: z.array(jurisdiction).max(300).optional(),
  affected_people: count.optional(),
  affected_by_state: z.record(stateCode, count).optional().describe('Affected residents per US state, e.g. {"CA": 600}'),
});

const decision = z.strictObject({
  kind: decisionKind,
  // Optional in the shape so that a missing time gets the domain's own explanation (facts.ts).
  at: instant.optional().describe('When it was decided; required'),
});

export const previewObligationsBody = z
  .strictObject({
    organisation,
    incident,
    decisions: z.array(decision).max(50).default([]),
    custom_regimes: z.array(regimeDefinitionSchema).max(20).optional().describe('Organisation-defined regimes (contracts, state laws) to try alongside the built-in ones'),
  })
  .superRefine((body, ctx) => {
    const facts: ObligationFacts = { organisation: body.organisation, incident: body.incident, decisions: body.decisions };
    const problems = [
      ...factProblems(facts),
      ...regimeProblems(body.custom_regimes ?? [], { prefix: 'custom_regimes', reservedIds: BUILT_IN_REGIMES.map((r) => r.id) }),
    ];
    for (const problem of problems) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) });
  });
export type PreviewObligationsBody = z.infer<typeof previewObligationsBody>;

export const obligationSchema = z.object({
  regime: z.string(),
  regime_name: z.string(),
  stage: z.string(),
  recipient: z.string(),
  state: z.string().optional().describe('For per-state stages (HIPAA media): the state'),
  deadline: z.string().describe("ISO 8601 with the recipient's offset"),
  deadline_utc: z.string(),
  deadline_organisation: z.string().describe("ISO 8601 with the organisation's offset"),
  time_zone: z.string(),
  deadline_kind: z.enum(['legal', 'target']).describe('target: the organisation’s own target for a duty "without undue delay" with no fixed limit'),
  without_undue_delay: z.boolean(),
  basis: z.string().describe('One sentence citing the article'),
  clock: z.object({ start: z.string(), started_at: z.string(), rule: z.string() }),
});

export const previewObligationsAnswer = z.object({ obligations: z.array(obligationSchema) });

// --- the organisation profile (who we are for the regimes) ---------------------------------------

const text = (max: number) => z.string().trim().max(max);

export const organisationProfileBody = z
  .strictObject({
    ...organisation.shape,
    contact_point: text(500).default('').describe('Data protection officer or other contact point: name, e-mail, phone'),
    lead_supervisory_authority: text(200).default('').describe('E.g. "BfDI (Germany)"; printed on regulator drafts'),
    custom_regimes: z.array(regimeDefinitionSchema).max(20).default([]).describe('Regimes the organisation adds itself (contracts, state laws), as data; see docs/obligations.md'),
  })
  .superRefine((body, ctx) => {
    const problems = regimeProblems(body.custom_regimes, { prefix: 'custom_regimes', reservedIds: BUILT_IN_REGIMES.map((r) => r.id) });
    for (const problem of problems) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) });
  });

export const organisationProfileSchema = z.object({
  timezone: z.string(),
  eu_controller: z.boolean().optional(),
  uk_controller: z.boolean().optional(),
  nis2: z.enum(NIS2_ENTITY_KINDS).optional(),
  dora_financial_entity: z.boolean().optional(),
  sec_registrant: z.boolean().optional(),
  hipaa: z.enum(HIPAA_ENTITY_KINDS).optional(),
  contact_point: z.string(),
  lead_supervisory_authority: z.string(),
  custom_regimes: z.array(z.any()),
});

export const savedProfileSchema = z.object({ profile: organisationProfileSchema, incidents_recomputed: z.number().int().describe('Open incidents with facts whose obligations were recomputed') });

// --- stored obligations ---------------------------------------------------------------------------

export const OBLIGATION_STATUS_VALUES = ['pending', 'not_required', 'drafted', 'submitted', 'late'] as const;

export const obligationViewSchema = z.object({
  id: z.string(),
  incident_id: z.string(),
  incident: z.object({ number: z.string(), title: z.string(), restricted: z.boolean() }).optional().describe('In lists across incidents'),
  regime: z.string(),
  regime_name: z.string(),
  stage: z.string(),
  state: z.string().nullable(),
  recipient: z.string(),
  deadline_utc: z.string().nullable().describe('ISO 8601, UTC'),
  deadline: z.string().nullable().describe("ISO 8601 with the recipient's (regulator's) offset"),
  time_zone: z.string().describe("The recipient's IANA zone"),
  deadline_organisation: z.string().nullable().describe("ISO 8601 with the organisation's offset"),
  organisation_time_zone: z.string(),
  deadline_kind: z.enum(['legal', 'target']),
  without_undue_delay: z.boolean(),
  time_left_seconds: z.number().int().nullable().describe('Negative when late'),
  status: z.enum(OBLIGATION_STATUS_VALUES).describe('As of now: late when past the deadline and not submitted'),
  stored_status: z.enum(OBLIGATION_STATUS_VALUES),
  status_reason: z.string().describe('Why it is not required'),
  reference: z.string().describe("The recipient's reference once submitted"),
  submitted_at: z.string().nullable(),
  delay_reason: z.string().describe('Reasons for a late submission'),
  reminder_level: z.number().int().describe('Last reminder sent: 0 none, 1 half time, 2 24 h, 3 4 h, 4 1 h, 5 late'),
  basis: z.string(),
  clock: z.object({ start: z.string(), started_at: z.string(), rule: z.string() }),
  version: z.number().int(),
  updated_at: z.string(),
});

export const obligationListSchema = z.object({ items: z.array(obligationViewSchema) });

export const listObligationsQuery = z.object({
  status: z.enum(['open', 'all', ...OBLIGATION_STATUS_VALUES]).default('open').describe('open: pending, drafted or late'),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

export const updateObligationBody = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('drafted'), version: z.number().int().optional() }),
  z.strictObject({
    status: z.literal('submitted'),
    reference: text(200).optional().describe("The recipient's reference (case number, receipt); required"),
    submitted_at: instant.optional().describe('When it was submitted; required'),
    delay_reason: text(4000).optional().describe('Required when submitted after the deadline (GDPR Art. 33(1))'),
    version: z.number().int().optional(),
  }),
  z.strictObject({ status: z.literal('not_required'), reason: text(2000).optional().describe('Required'), version: z.number().int().optional() }),
], { error: 'status must be drafted, submitted or not_required' });
