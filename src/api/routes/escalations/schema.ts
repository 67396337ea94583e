import { z } from 'zod';
import { INCIDENT_ROLES } from '../../../domain/access.js';
import { ACKNOWLEDGEMENT_CHANNELS, ESCALATION_TRIGGERS } from '../../../domain/escalation.js';
import { instantOut } from '../../schemas.js';

export const escalationParams = z.object({ id: z.string().min(1).max(100), escalation_id: z.string().min(1).max(100) });

export const acknowledgeBody = z.strictObject({
  note: z.string().max(2000).optional().describe('Required when acknowledging on someone’s behalf: how they answered (e.g. "called back at 03:12, joining the bridge")'),
});

export const escalationSchema = z.object({
  id: z.string(),
  plan_id: z.string().nullable().describe('The plan version whose matrix made the call'),
  trigger: z.enum(ESCALATION_TRIGGERS).describe('opened, severity_changed, or deputy (standing in for a call not acknowledged in time)'),
  rule_id: z.string().describe('The escalation rule that called them; for a deputy, the id of the call they stand in for'),
  severity: z.number().int(),
  contact_id: z.string(),
  contact_name: z.string(),
  contact_title: z.string().nullable(),
  user_id: z.string().nullable(),
  incident_role: z.enum(INCIDENT_ROLES).nullable(),
  emailed_to: z.array(z.string()).describe('Empty: nobody could be e-mailed; phone them'),
  mobile_phone: z.string().nullable(),
  respond_within_minutes: z.number().int().nullable(),
  notified_at: instantOut,
  acknowledge_by: instantOut.nullable(),
  acknowledged_at: instantOut.nullable(),
  acknowledged_by: z.string().nullable(),
  acknowledged_via: z.enum(ACKNOWLEDGEMENT_CHANNELS).nullable(),
  overdue_minutes: z.number().int().describe('Whole minutes past the deadline while unacknowledged; 0 otherwise'),
  unanswered_at: instantOut.nullable().describe('Set on the last call of a chain when neither the contact nor any deputy acknowledged in time: the commanders and managers were e-mailed'),
});

export const escalationListSchema = z.object({ items: z.array(escalationSchema) });

export const ackTokenParams = z.object({ token: z.string().min(1).max(300) });
