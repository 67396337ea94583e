import { verifyDecisionSignature } from '../../domain/obligations/signature.js';
import { readBool } from '../../store/dialect.js';
import type { DecisionRow } from '../../store/schema.js';

export interface DecisionRecordView {
  id: string;
  incident_id: string;
  kind: string;
  outcome: boolean;
  decided_at: string;
  facts: string;
  signed_by: { id: string; name: string | null };
  signed_at: string;
  signature: string;
  /** False when the stored record no longer matches its signature (edited behind Bulwark's back). */
  signature_valid: boolean;
  superseded_by: string | null;
}

export function toDecisionRecord(row: DecisionRow & { signer_name?: string | null }): DecisionRecordView {
  const outcome = readBool(row.outcome);
  const valid = verifyDecisionSignature({ incident_id: row.incident_id, kind: row.kind, outcome, decided_at: row.decided_at, facts: row.facts, signer_id: row.signed_by, signed_at: row.signed_at }, row.signature);
  return {
    id: row.id, incident_id: row.incident_id, kind: row.kind, outcome, decided_at: row.decided_at, facts: row.facts,
    signed_by: { id: row.signed_by, name: row.signer_name ?? null }, signed_at: row.signed_at, signature: row.signature, signature_valid: valid, superseded_by: row.superseded_by,
  };
}
