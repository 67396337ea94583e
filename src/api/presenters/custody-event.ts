import type { CustodyEventRecord } from '../../services/evidence/list-custody.js';

/** A custody event as answered: the item is implied by the URL it was read from. */
export function presentCustodyEvent(event: CustodyEventRecord) {
  const { evidence_id: _evidence, ...visible } = event;
  return visible;
}
