import { z } from 'zod';
import { MARKDOWN_MAX, TAG_MAX, TAGS_MAX, TITLE_MAX } from '../../../domain/incident.js';
import { RISK_STATUSES, TECHNIQUE_PATTERN, TRANSFER_KINDS, TREATMENTS } from '../../../domain/risk.js';
import { instant, instantOut, listOf, pageOf, pageQuery } from '../../schemas.js';
import { fairInputsSchema } from '../simulations/schema.js';

const title = z.string().trim().min(1, 'must not be empty').max(TITLE_MAX, `at most ${TITLE_MAX} characters`);
const text = z.string().max(MARKDOWN_MAX, `at most ${MARKDOWN_MAX} characters`);
const levelId = z.string().min(1).max(40).describe('A level id of the risk matrix (very_low … very_high by default)');
const category = z.string().trim().min(1, 'must not be empty').max(64).describe('Free text; suggested: cyber_attack, data_breach, outage, fraud, insider, third_party, compliance, physical');
const id = z.string().min(1).max(100);

/**
 * Treatment details by treatment: mitigate {plan}, accept {accepted_by, accepted_at?, reason, until},
 * transfer {party, reference, kind}, avoid {note}. Which fields are required is checked by the
 * service (paths `treatment_details.<field>`), so a missing `until` reads the same from every client.
 */
const treatmentDetails = z
  .strictObject({
    plan: z.string().max(10_000).optional(),
    accepted_by: id.optional().describe('accept: the user who accepted the risk'),
    accepted_at: instant.optional().describe('accept: default now'),
    reason: z.string().max(10_000).optional().describe('accept: why'),
    until: instant.optional().describe('accept: the acceptance lapses then and the risk comes back for review'),
    party: z.string().max(300).optional().describe('transfer: insurer or contract party'),
    reference: z.string().max(300).optional().describe('transfer: policy or contract reference'),
    kind: z.enum(TRANSFER_KINDS).optional().describe('transfer: insurance, contract or other'),
    note: z.string().max(10_000).optional().describe('avoid: how the activity stops'),
  })
  .describe('Details of the treatment');

const playbook = z.strictObject({ title: z.string().trim().min(1).max(300), url: z.url({ protocol: /^https?$/ }).max(2000) });

const editable = {
  description: text.optional(),
  threat: text.optional(),
  vulnerability: text.optional(),
  status: z.enum(RISK_STATUSES).optional(),
  owner_id: id.nullable().optional(),
  asset_ids: z.array(id).max(200).optional(),
  techniques: z.array(z.string().regex(TECHNIQUE_PATTERN, 'an ATT&CK technique id such as T1566 or T1566.001')).max(100).optional(),
  playbooks: z.array(playbook).max(50).optional(),
  tags: z.array(z.string().trim().min(1).max(TAG_MAX)).max(TAGS_MAX).optional(),
  residual_likelihood: levelId.nullable().optional().describe('Set by hand with residual_impact; null: derived from the controls'),
  residual_impact: levelId.nullable().optional(),
  treatment: z.enum(TREATMENTS).nullable().optional(),
  treatment_details: treatmentDetails.optional(),
  review_cadence_days: z.number().int().min(1).max(3650).optional().describe('Default 90'),
  next_review_at: instant.optional().describe('Default: now + cadence'),
  fair_inputs: fairInputsSchema.nullable().optional().describe('FAIR inputs for quantitative analysis (see POST /simulations)'),
};

export const createRiskBody = z.strictObject({
  title,
  category,
  inherent_likelihood: levelId,
  inherent_impact: levelId,
  ...editable,
});

export const updateRiskBody = z.strictObject({
  title: title.optional(),
  category: category.optional(),
  inherent_likelihood: levelId.optional(),
  inherent_impact: levelId.optional(),
  ...editable,
  annual_rate: z.number().min(0).max(1_000_000).nullable().optional().describe('Events a year you estimate (null: read from the likelihood band); reviews update it'),
  rate_confidence_years: z.number().positive().max(1000).optional().describe('How many years of observation your estimate is worth (default 1)'),
  reason: z.string().max(2000).optional().describe('Why; kept in the history'),
  version: z.number().int().positive().optional().describe('Alternative to the If-Match header'),
});

export const reviewRiskBody = z.strictObject({
  note: z.string().max(10_000).optional(),
  version: z.number().int().positive().optional(),
});

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listRisksQuery = z.strictObject({
  ...pageQuery,
  status: listOf(z.enum(RISK_STATUSES)).optional(),
  owner_id: z.string().max(100).optional().describe('A user id, or "me"'),
  category: listOf(z.string().max(64)).optional(),
  level: listOf(levelId).optional().describe('Residual level(s)'),
  inherent_level: listOf(levelId).optional(),
  over_appetite: bool.optional(),
  likelihood: levelId.optional().describe('With impact: the risks of one heat-map cell'),
  impact: levelId.optional(),
  basis: z.enum(['inherent', 'residual']).optional().describe('Which heat map the cell is on; default residual'),
  asset_id: z.string().max(100).optional(),
  review_due: z.literal('true').transform(() => true).optional().describe('Only risks whose next review is due'),
  q: z.string().max(200).optional().describe('Searches title, number and description'),
  sort: z.enum(['residual_level', 'number', 'next_review_at', 'annual_loss_mean', 'updated_at']).optional().describe('Default residual_level (highest first)'),
  direction: z.enum(['asc', 'desc']).optional(),
});

export const historyQuery = z.strictObject({ ...pageQuery });
export const heatMapQuery = z.strictObject({ basis: z.enum(['inherent', 'residual']).default('residual') });

export const riskSchema = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  description: z.string(),
  threat: z.string(),
  vulnerability: z.string(),
  category: z.string(),
  status: z.enum(RISK_STATUSES),
  owner_id: z.string().nullable(),
  inherent_likelihood: z.string(),
  inherent_impact: z.string(),
  inherent_level: z.string(),
  residual_likelihood: z.string().nullable().describe('As set by hand; null when derived from the controls'),
  residual_impact: z.string().nullable(),
  residual_level: z.string(),
  residual: z.object({ likelihood: z.string(), impact: z.string(), level: z.string(), assessed: z.boolean().describe('true: set by hand; false: derived from the controls') }),
  treatment: z.enum(TREATMENTS).nullable(),
  treatment_details: z.record(z.string(), z.unknown()),
  review_cadence_days: z.number().int(),
  next_review_at: instantOut,
  last_reviewed_at: instantOut.nullable(),
  techniques: z.array(z.string()),
  playbooks: z.array(z.object({ title: z.string(), url: z.string() })),
  tags: z.array(z.string()),
  fair_inputs: z.unknown().nullable(),
  annual_loss_mean: z.number().nullable(),
  annual_loss_p90: z.number().nullable(),
  over_appetite: z.boolean(),
  annual_rate: z.number().nullable().optional().describe('Events a year the owner estimates (null: read from the likelihood band); updated from incidents by accepted review proposals'),
  rate_confidence_years: z.number().optional().describe('How many years of observation the annual rate is worth'),
  created_at: instantOut,
  created_by: z.string(),
  updated_at: instantOut,
  updated_by: z.string(),
  version: z.number().int(),
});

export const riskDetailSchema = riskSchema.extend({
  assets: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  controls: z.array(
    z.object({
      control_id: z.string(),
      ref: z.string(),
      title: z.string(),
      implementation_status: z.string(),
      effectiveness: z.number().nullable(),
      status: z.string(),
      owner_id: z.string().nullable(),
      due_at: instantOut.nullable(),
      note: z.string(),
    }),
  ),
  latest_simulation: z
    .object({ id: z.string(), created_at: instantOut, finished_at: instantOut.nullable(), iterations: z.number().int(), seed: z.number(), result: z.unknown() })
    .nullable(),
});

export const riskPageSchema = pageOf(riskSchema);

export const riskHistorySchema = z.object({
  id: z.string(),
  at: instantOut,
  actor_id: z.string(),
  action: z.string().describe('risk.create, risk.update, risk.review, or what re-scored it (control.update, risk_matrix.update, …)'),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  reason: z.string(),
  source: z.unknown().nullable(),
  inherent_level: z.string(),
  residual_level: z.string(),
  annual_loss_mean: z.number().nullable(),
});

export const riskHistoryPageSchema = pageOf(riskHistorySchema);

const levelRef = z.object({ id: z.string(), name: z.string() });
export const heatMapSchema = z.object({
  basis: z.enum(['inherent', 'residual']),
  likelihood_levels: z.array(levelRef),
  impact_levels: z.array(levelRef),
  cells: z.array(z.array(z.object({ level: z.string(), count: z.number().int() }))).describe('cells[i][j] for likelihood_levels[i] and impact_levels[j], as the matrix table'),
});

export const dashboardSchema = z.object({
  top: z.array(riskSchema).describe('The 10 highest residual levels, then annual loss'),
  over_appetite: z.array(riskSchema),
  overdue_reviews: z.array(riskSchema),
  overdue_treatments: z.array(z.object({ risk: riskSchema, control_id: z.string(), due_at: instantOut })),
  expired_acceptances: z.array(riskSchema),
  trend: z.array(z.object({ date: z.string(), by_level: z.record(z.string(), z.number().int()), annual_loss_mean_total: z.number() })).describe('Month ends of the last 12 months, oldest first'),
});
