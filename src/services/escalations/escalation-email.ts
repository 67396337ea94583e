import { CATEGORY_LABELS, SEVERITY_LABELS, type BuiltinCategory, type Severity } from '../../domain/incident.js';
import type { PlanContent } from '../../domain/plan.js';
import type { EmailMessage } from '../mail/mail-message.js';

export interface EscalationEmailInput {
  to: string[];
  contact_name: string;
  incident: { number: string; title: string; severity: Severity; category: string; restricted: boolean };
  plan: Pick<PlanContent, 'severity_definitions' | 'meeting_place' | 'out_of_band_channel'>;
  opened_by: string;
  respond_within_minutes: number;
  ack_url: string;
  /** Set for a deputy: the person they stand in for. */
  standing_in_for?: string | undefined;
  /** The role the plan gives them on this incident, as worded in the timeline. */
  role_line?: string | undefined;
}

/**
 * The call: what happened, how grave by the plan's own definitions, where the team meets out of band,
 * and how to acknowledge. A restricted incident's title stays out of the mail (need-to-know).
 */
export function escalationEmail(input: EscalationEmailInput): EmailMessage {
  const { incident, plan } = input;
  const definition = (plan.severity_definitions ?? []).find((d) => d.severity === incident.severity);
  const severityName = definition?.name ?? SEVERITY_LABELS[incident.severity];
  const category = CATEGORY_LABELS[incident.category as BuiltinCategory] ?? incident.category;
  const title = incident.restricted ? '(restricted incident: title shown in Bulwark only)' : incident.title;
  const lines = [
    `Hello ${input.contact_name},`,
    '',
    input.standing_in_for
      ? `You are called as deputy for ${input.standing_in_for}, who did not acknowledge in time.`
      : 'The response plan calls you for this incident.',
    '',
    `Incident:  ${incident.number} — ${title}`,
    `Severity:  ${incident.severity} (${severityName})${definition?.description ? ` — ${definition.description}` : ''}`,
    `Category:  ${category}`,
    `Opened by: ${input.opened_by}`,
    ...(input.role_line ? [`Your role: ${input.role_line}`] : []),
    '',
    `Please acknowledge within ${input.respond_within_minutes} minutes:`,
    input.ack_url,
    '',
    `Meeting place:        ${plan.meeting_place || '(not set in the plan)'}`,
    `Out-of-band channel:  ${plan.out_of_band_channel || '(not set in the plan)'}`,
    '',
    'If corporate e-mail or chat may be compromised, use the out-of-band channel.',
    '— Bulwark',
  ];
  return {
    to: input.to,
    subject: `[${incident.number}] Severity ${incident.severity}: you are called, acknowledge within ${input.respond_within_minutes} min`,
    text: lines.join('\n'),
    kind: 'escalation',
  };
}
