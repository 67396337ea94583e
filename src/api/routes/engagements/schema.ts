import { z } from 'zod';
import { ENGAGEMENT_STATUSES, INITIAL_ENGAGEMENT_STATUSES } from '../../../domain/engagements.js';
import { THIRD_PARTY_KINDS } from '../../../domain/plan.js';
import { instant, instantOut } from '../../schemas.js';

const name = z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters');
const contact = z.string().max(500, 'at most 500 characters').describe('How to reach them: hotline, person, phone, e-mail');
const contractReference = z.string().max(200, 'at most 200 characters').describe('Retainer, engagement letter or contract number; for insurers the policy number');
const privileged = z.boolean().describe('Work done under legal privilege (e.g. forensics engaged through outside counsel)');
const notes = z.string().max(5000, 'at most 5000 characters');
const engagedAt = instant.describe('When they were called; not in the future. Default: now');

export const createEngagementBody = z.strictObject({
  party_id: z.string().min(1).max(100).optional().describe("A third party of the plan in force: its name, kind, contact line and contract or policy number are copied"),
  kind: z.enum(THIRD_PARTY_KINDS).optional().describe('Required without party_id'),
  name: name.optional().describe('Required without party_id'),
  contact: contact.optional(),
  contract_reference: contractReference.optional(),
  privileged: privileged.optional().describe('Default: false'),
  engaged_at: engagedAt.optional(),
  status: z.enum(INITIAL_ENGAGEMENT_STATUSES).optional().describe('Default: requested'),
  notes: notes.optional(),
});

export const updateEngagementBody = z.strictObject({
  name: name.optional(),
  contact: contact.optional(),
  contract_reference: contractReference.optional(),
  privileged: privileged.optional(),
  engaged_at: engagedAt.optional(),
  status: z.enum(ENGAGEMENT_STATUSES).optional().describe('requested → engaged → active → released; declined before work starts. Other moves answer 409'),
  notes: notes.optional(),
  version: z.number().int().positive().optional().describe('Alternative to the If-Match header'),
});

export const engagementSchema = z.object({
  id: z.string(),
  incident_id: z.string(),
  party_id: z.string().nullable(),
  kind: z.enum(THIRD_PARTY_KINDS),
  name: z.string(),
  contact: z.string(),
  contract_reference: z.string(),
  privileged: z.boolean(),
  engaged_at: instantOut,
  status: z.enum(ENGAGEMENT_STATUSES),
  notes: z.string(),
  created_at: instantOut,
  created_by: z.string(),
  updated_at: instantOut,
  updated_by: z.string(),
  version: z.number().int(),
});

const thirdPartySchema = z.object({
  id: z.string(),
  kind: z.enum(THIRD_PARTY_KINDS),
  name: z.string(),
  contact_name: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  contract_reference: z.string().optional(),
  policy_number: z.string().optional(),
  hotline: z.string().optional(),
  notes: z.string().optional(),
});

export const engagementListSchema = z.object({
  items: z.array(engagementSchema),
  plan: z
    .object({ id: z.string(), plan_version: z.number().int(), third_parties: z.array(thirdPartySchema) })
    .nullable()
    .describe('The plan in force and its third parties, for quick engagement; null before a plan is approved'),
});
