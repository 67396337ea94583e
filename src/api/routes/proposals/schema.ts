import { z } from 'zod';
import { PROPOSAL_KINDS, PROPOSAL_STATUSES } from '../../../services/learning/proposal-record.js';
import { instantOut, pageOf, pageQuery } from '../../schemas.js';
import { updateControlBody } from '../controls/schema.js';
import { createRiskBody } from '../risks/schema.js';

const risk = createRiskBody.shape;
const control = updateControlBody.shape;

/**
 * Values an owner may edit before accepting, each validated as the target's own PATCH (or create)
 * validates it; the service then accepts only the fields the proposal changes.
 */
export const editedAfter = z
  .strictObject({
    annual_rate: z.number().min(0).max(1_000_000).optional().describe('risk_frequency: events a year'),
    rate_confidence_years: z.number().positive().max(1000).optional().describe('risk_frequency: years of observation the estimate is worth'),
    residual_likelihood: risk.residual_likelihood,
    residual_impact: risk.residual_impact,
    fair_inputs: risk.fair_inputs,
    treatment: risk.treatment,
    treatment_details: risk.treatment_details,
    playbooks: risk.playbooks,
    title: risk.title.optional(),
    description: risk.description,
    category: risk.category.optional(),
    inherent_likelihood: risk.inherent_likelihood.optional(),
    inherent_impact: risk.inherent_impact.optional(),
    owner_id: risk.owner_id,
    risk_id: z.string().min(1).max(100).nullable().optional().describe('new_control: the risk that will rely on it'),
    ref: control.ref,
    family: control.family,
    implementation_status: control.implementation_status,
    effectiveness: control.effectiveness,
    last_tested_at: control.last_tested_at,
    next_test_at: control.next_test_at,
    evidence_notes: control.evidence_notes,
    realised_loss: z.number().min(0).optional().describe('loss_calibration: the realised loss'),
    percentile: z.number().min(0).max(1).nullable().optional(),
  })
  .describe('Edited values: only fields the proposal changes (its `after`)');

export const acceptProposalBody = z.strictObject({ after: editedAfter.optional(), note: z.string().max(2000).optional().describe('Why; kept with the decision and the history') }).optional();
export const rejectProposalBody = z.strictObject({ note: z.string().max(2000).optional() }).optional();

export const listProposalsQuery = z.strictObject({
  status: z.enum(PROPOSAL_STATUSES).optional().describe('pending for the inbox'),
  incident_id: z.string().min(1).max(100).optional(),
  ...pageQuery,
});

export const proposalSchema = z.object({
  id: z.string(),
  incident_id: z.string(),
  incident_number: z.string().optional(),
  incident_title: z.string().optional(),
  review_id: z.string(),
  kind: z.enum(PROPOSAL_KINDS),
  target_type: z.enum(['risk', 'control', 'action_item']),
  target_id: z.string(),
  target_label: z.string().nullable().optional().describe('The risk number and title, the control ref and title, or the action item title'),
  target_version: z.number().int().describe('The target\'s version when proposed; deciding after it changed is refused as stale (412)'),
  action_item_id: z.string().nullable(),
  reasoning: z.object({ text: z.string(), steps: z.array(z.object({ label: z.string(), value: z.string() })) }),
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
  status: z.enum(PROPOSAL_STATUSES),
  decided_at: instantOut.nullable(),
  decided_by: z.string().nullable(),
  decision_note: z.string().nullable(),
  applied: z.record(z.string(), z.unknown()).nullable().describe('What accepting changed or created'),
  created_at: instantOut,
  version: z.number().int(),
});

export const proposalPageSchema = pageOf(proposalSchema);
