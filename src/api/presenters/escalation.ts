import type { EscalationRecord } from '../../services/escalations/escalation-record.js';

/** One call of the escalation matrix, as the People & roles tab shows it. */
export function presentEscalation(escalation: EscalationRecord) {
  const { incident_id: _incident, ...visible } = escalation;
  return visible;
}
