import type { CustodyEvent, Evidence } from './types.js';

/**
 * What the signed-in person may do with one item, so the page offers only actions that will work.
 * The server decides; this mirrors its rules (holder-only custody steps, a second person to approve).
 */
export interface EvidenceAbilities {
  download: boolean;
  verify: boolean;
  edit: boolean;
  handOver: boolean;
  receive: boolean;
  checkOut: boolean;
  checkIn: boolean;
  recordAnalysis: boolean;
  recordCopy: boolean;
  returnItem: boolean;
  placeHold: boolean;
  liftHold: boolean;
  requestDisposal: boolean;
  decideDisposal: boolean;
}

/** Whether the item is checked out now: a check-out stays open until checked in, returned or received by someone. */
export function isCheckedOut(events: Array<Pick<CustodyEvent, 'action' | 'seq'>>): boolean {
  let out = false;
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    if (event.action === 'checked_out') out = true;
    else if (event.action === 'checked_in' || event.action === 'returned' || event.action === 'received') out = false;
  }
  return out;
}

export function evidenceAbilities(item: Evidence, userId: string, permissions: ReadonlySet<string>, checkedOut: boolean): EvidenceAbilities {
  const read = permissions.has('evidence.read');
  const write = permissions.has('evidence.write');
  const manage = permissions.has('evidence.manage');
  const live = item.status === 'active';
  const holds = live && write && item.holder?.id === userId;
  const hasFile = item.sha256 !== null;
  return {
    // Reading includes downloading (recorded as an access) and re-hashing: counsel may need both.
    download: read && live && hasFile,
    verify: read && live && hasFile,
    edit: write && item.status !== 'destroyed',
    handOver: holds && item.pending_holder === null && !checkedOut,
    receive: live && write && item.pending_holder?.id === userId,
    checkOut: holds && !checkedOut,
    checkIn: holds && checkedOut,
    recordAnalysis: live && write,
    recordCopy: holds,
    returnItem: holds,
    placeHold: manage && item.status !== 'destroyed' && !item.legal_hold,
    liftHold: manage && item.legal_hold,
    requestDisposal: manage && live && item.disposal_request === null,
    decideDisposal: manage && live && item.disposal_request !== null && item.disposal_request.requested_by.id !== userId,
  };
}
