import type { EvidenceRecord } from '../../services/evidence/evidence-record.js';

/** An evidence item as answered (docs/evidence.md): everything but the tenancy column. */
export function presentEvidence(record: EvidenceRecord) {
  const { organisation_id: _organisation, ...visible } = record;
  return visible;
}
