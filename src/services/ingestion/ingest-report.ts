import type { FieldProblem } from '../../domain/errors.js';
import type { IngestOutcome } from '../../domain/ingestion.js';
import type { CheckedAlert } from './alert-input.js';

export interface IngestResult {
  index: number;
  outcome: IngestOutcome;
  /** The alert stored, repeated or folded into; null when snoozed or rejected. */
  alert_id: string | null;
  rule_id?: string;
  /** The incident an attach rule sent it to. */
  incident_id?: string;
  errors?: FieldProblem[];
}

/** An item of a batch whose shape the API already refused, kept in place so results line up with the request. */
export interface RejectedAtEdge {
  rejected: FieldProblem[];
}

export interface IngestReport {
  /** When the request was stored (the transaction's time). */
  at: string;
  received: number;
  counts: Record<IngestOutcome, number>;
  results: IngestResult[];
}

/** One request's alerts after checking: results start as "rejected" and are filled in when stored. */
export interface CheckedRequest {
  batch: boolean;
  results: IngestResult[];
  valid: Map<number, CheckedAlert>;
}
