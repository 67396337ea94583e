import type { IncidentRole } from '../../domain/access.js';
import { acknowledgementDueAt, overdueMinutes, type AcknowledgementChannel, type EscalationTrigger } from '../../domain/escalation.js';
import type { PlanContent } from '../../domain/plan.js';
import type { EscalationRow } from '../../store/schema.js';

/** One call of the escalation matrix as people read it: who, why, how to reach them, and whether they answered. */
export interface EscalationRecord {
  id: string;
  incident_id: string;
  plan_id: string | null;
  trigger: EscalationTrigger;
  /** The matrix rule that called them; for a deputy, the call they stand in for. */
  rule_id: string;
  severity: number;
  contact_id: string;
  contact_name: string;
  contact_title: string | null;
  user_id: string | null;
  incident_role: IncidentRole | null;
  emailed_to: string[];
  /** From the plan version that called them: for phoning whoever has no e-mail or does not answer. */
  mobile_phone: string | null;
  respond_within_minutes: number | null;
  notified_at: string;
  acknowledge_by: string | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  acknowledged_via: AcknowledgementChannel | null;
  /** Whole minutes past the deadline while unacknowledged; 0 otherwise. */
  overdue_minutes: number;
  /** When this call was the last of its chain and nobody (deputies included) had answered: the managers were told. */
  unanswered_at: string | null;
}

export function toEscalationRecord(row: EscalationRow, plan: PlanContent | null, now: string): EscalationRecord {
  const contact = plan?.team?.find((c) => c.id === row.contact_id);
  return {
    id: row.id,
    incident_id: row.incident_id,
    plan_id: row.plan_id,
    trigger: row.trigger as EscalationTrigger,
    rule_id: row.rule_id,
    severity: row.severity,
    contact_id: row.contact_id,
    contact_name: row.contact_name,
    contact_title: contact?.title || null,
    user_id: row.user_id,
    incident_role: row.incident_role as IncidentRole | null,
    emailed_to: row.email ? row.email.split(', ') : [],
    mobile_phone: contact?.mobile_phone || null,
    respond_within_minutes: row.respond_within_minutes,
    notified_at: row.notified_at,
    acknowledge_by: acknowledgementDueAt(row),
    acknowledged_at: row.acknowledged_at,
    acknowledged_by: row.acknowledged_by,
    acknowledged_via: row.acknowledged_via as AcknowledgementChannel | null,
    overdue_minutes: overdueMinutes(row, now),
    unanswered_at: row.unanswered_at,
  };
}
