import type { DecisionRecordView } from '../../services/decisions/decision-record.js';
import type { IncidentFactsRecord } from '../../services/obligations/facts-record.js';
import type { ObligationView } from '../../services/obligations/obligation-record.js';

/** An obligation as answered: deadline in UTC, in the recipient's and in the organisation's zone, time left, status now. */
export function presentObligation(view: ObligationView) {
  return { ...view };
}

export function presentDecision(view: DecisionRecordView) {
  return { ...view, signed_by: { ...view.signed_by } };
}

export function presentIncidentFacts(record: IncidentFactsRecord) {
  return { ...record };
}
