import { createHash } from 'node:crypto';
import type { FieldProblem } from './errors.js';
import type { CustodyAction, EvidenceStatus } from './evidence.js';
import { canonicalJson } from './hash-chain.js';

/**
 * Chain of custody: which events a person may record on an item, what each changes, and the receiving
 * person's signature on a hand-over. Everything else in the log (collected, accessed, downloaded,
 * verified, holds, disposal) is written by the system as a side effect of what people do.
 */
export const PERSON_CUSTODY_ACTIONS = ['transferred', 'received', 'checked_out', 'checked_in', 'analysed', 'copied', 'returned'] as const;
export type PersonCustodyAction = (typeof PERSON_CUSTODY_ACTIONS)[number];

/**
 * Actions only the person holding the item may record. `received` is the pending holder's (or, for an
 * item the system holds, the first person to sign for it); `analysed` anyone working on it may record.
 */
const HOLDER_ACTIONS: ReadonlySet<CustodyAction> = new Set(['transferred', 'checked_out', 'checked_in', 'copied', 'returned']);

/** Hand-overs and receipts go on the incident timeline too; routine handling stays in the custody log. */
export const TIMELINE_CUSTODY_ACTIONS: ReadonlySet<CustodyAction> = new Set(['transferred', 'received']);

/** What the system writes, and when, for the refusal message when someone tries to record it by hand. */
const SYSTEM_ACTIONS: Partial<Record<CustodyAction, string>> = {
  collected: 'when the item is added',
  accessed: 'when someone views the file',
  downloaded: 'when someone downloads the file',
  verified: 'when the stored file is re-verified',
  integrity_failed: 'when a re-verification finds the file changed or missing',
  hold_placed: 'when a legal hold is placed',
  hold_lifted: 'when a legal hold is lifted',
  disposal_requested: 'when destruction or release is requested',
  disposal_rejected: 'when a disposal request is rejected',
  released: 'when a release is approved',
  destroyed: 'when a destruction is approved',
};

export function isPersonCustodyAction(action: string): action is PersonCustodyAction {
  return (PERSON_CUSTODY_ACTIONS as readonly string[]).includes(action);
}

/** The item as the custody rules see it. */
export interface CustodyState {
  number: string;
  status: EvidenceStatus;
  holder_id: string | null;
  pending_holder_id: string | null;
  /** Who has it checked out now (derived from the log with `checkedOutBy`), or null. */
  checked_out_by: string | null;
  /** Added from the server's disk (`bulwark evidence add`): no person holds it yet, and the first to sign for it takes it over. */
  holder_is_system?: boolean;
}

export interface CustodyRefusal {
  kind: 'validation' | 'forbidden' | 'conflict';
  message: string;
  path?: string;
}

/** Who has the item checked out after these events (oldest first): a check-out stays open until checked in, returned or handed over. */
export function checkedOutBy(events: ReadonlyArray<{ action: string; actor_id: string }>): string | null {
  let by: string | null = null;
  for (const event of events) {
    if (event.action === 'checked_out') by = event.actor_id;
    else if (event.action === 'checked_in' || event.action === 'returned' || event.action === 'received') by = null;
  }
  return by;
}

/**
 * Why `actorId` may not record `action` on the item now, or null when they may. `names` turns user
 * ids into names for the messages (a refusal names the holder, so the person knows whom to ask).
 */
export function custodyRefusal(state: CustodyState, actorId: string, action: string, request: { to_user_id?: string | null | undefined }, names: (id: string) => string): CustodyRefusal | null {
  if (!isPersonCustodyAction(action)) {
    const when = SYSTEM_ACTIONS[action as CustodyAction];
    return { kind: 'validation', path: 'action', message: when ? `"${action}" is recorded by the system ${when}, not by hand.` : `"${action}" is not a custody action; use one of ${PERSON_CUSTODY_ACTIONS.join(', ')}.` };
  }
  if (state.status !== 'active') return { kind: 'conflict', message: `${state.number} has been ${state.status}; its chain of custody is closed and takes no more events.` };

  if (action === 'received') {
    if (!state.pending_holder_id) {
      if (state.holder_is_system) return null;
      return { kind: 'conflict', message: `Nobody is handing ${state.number} over; the holder records "transferred" first.` };
    }
    if (state.pending_holder_id !== actorId) return { kind: 'forbidden', message: `${state.number} is being handed to ${names(state.pending_holder_id)}; only they can sign for it.` };
    return null;
  }
  if (HOLDER_ACTIONS.has(action) && state.holder_id !== actorId) {
    return {
      kind: 'forbidden',
      message: state.holder_is_system
        ? `Only the person holding ${state.number} can record "${action}"; it is held by ${names(state.holder_id!)} (added on the server): take it over first by recording "received" with your signature.`
        : state.holder_id
          ? `Only the person holding ${state.number} can record "${action}"; it is held by ${names(state.holder_id)}.`
          : `Nobody holds ${state.number}, so "${action}" cannot be recorded.`,
    };
  }
  switch (action) {
    case 'transferred':
      if (!request.to_user_id) return { kind: 'validation', path: 'to_user_id', message: 'Say whom the item is handed to (to_user_id).' };
      if (request.to_user_id === actorId) return { kind: 'validation', path: 'to_user_id', message: 'You hold the item already; hand it to someone else.' };
      if (state.checked_out_by) return { kind: 'conflict', message: `${state.number} is checked out; check it in before handing it over.` };
      return null;
    case 'checked_out':
      if (state.checked_out_by) return { kind: 'conflict', message: `${state.number} is checked out already; check it in first.` };
      return null;
    case 'checked_in':
      if (!state.checked_out_by) return { kind: 'conflict', message: `${state.number} is not checked out.` };
      return null;
    default:
      return null;
  }
}

/** What the event changes on the item: a transfer names the pending holder; a receipt makes them the holder. */
export function custodyEffect(state: Pick<CustodyState, 'holder_id' | 'pending_holder_id'>, actorId: string, action: PersonCustodyAction, toUserId: string | null): { holder_id?: string | null; pending_holder_id?: string | null; from_user_id: string | null; to_user_id: string | null } {
  switch (action) {
    case 'transferred':
      return { pending_holder_id: toUserId, from_user_id: actorId, to_user_id: toUserId };
    case 'received':
      return { holder_id: actorId, pending_holder_id: null, from_user_id: state.holder_id, to_user_id: actorId };
    default:
      return { from_user_id: null, to_user_id: null };
  }
}

/** Allowed clock difference between the recording device and the server before a time counts as "in the future". */
export const CLOCK_SKEW_MS = 60_000;

/** Problems with when the person says it happened: not in the future, not before the item was collected, a receipt not before its hand-over. */
export function occurredAtProblem(occurredAt: string, now: string, collectedAt: string, notBefore?: { at: string; what: string }): string | null {
  const at = Date.parse(occurredAt);
  if (at > Date.parse(now) + CLOCK_SKEW_MS) return `must not be in the future (it is ${now} now)`;
  if (at < Date.parse(collectedAt)) return `must not be before the item was collected (${collectedAt})`;
  if (notBefore && at < Date.parse(notBefore.at)) return `must not be before ${notBefore.what} (${notBefore.at})`;
  return null;
}

/** What the receiving person accepts by signing; bound into the signature hash, so changing it later breaks old signatures visibly. */
export const RECEIPT_STATEMENT =
  'I have received this item of evidence as described in its record, and from this moment I am responsible for its custody: I will keep it secure, record every handling of it, and hand it on only through this chain of custody.';

export interface SignatureInput {
  name: string;
  statement_accepted: boolean;
}

/** Names compared the way people type them: case, accents' composition and runs of spaces do not matter. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
  return norm(a) === norm(b);
}

/** Problems with a receiving signature: the typed name must be the receiver's account name, and the statement accepted. */
export function signatureProblems(signature: SignatureInput | undefined, accountName: string): FieldProblem[] {
  if (!signature) return [{ path: 'signature', message: `Receiving an item needs your signature: {name: "${accountName}", statement_accepted: true}.` }];
  const problems: FieldProblem[] = [];
  if (!sameName(signature.name, accountName)) problems.push({ path: 'signature.name', message: `Type your full name as on your account ("${accountName}") to sign.` });
  if (signature.statement_accepted !== true) problems.push({ path: 'signature.statement_accepted', message: 'Accept the receipt statement to sign.' });
  return problems;
}

/** The point of the chain a signature is bound to. */
export interface SignatureContext {
  evidence_id: string;
  /** The item's content hash, or null for a physical item. */
  sha256: string | null;
  /** The hash of the last custody event before the receipt. */
  prev_hash: string;
  name: string;
  user_id: string;
  signed_at: string;
}

export function signatureDigest(context: SignatureContext): string {
  const { evidence_id, sha256, prev_hash, name, user_id, signed_at } = context;
  return createHash('sha256').update(canonicalJson({ evidence_id, sha256, prev_hash, name, user_id, signed_at, statement: RECEIPT_STATEMENT })).digest('hex');
}

/** The stored signature: `<name> <user id> <signed at> sha256:<hex>`. */
export function receiptSignature(context: SignatureContext): string {
  return `${context.name} ${context.user_id} ${context.signed_at} sha256:${signatureDigest(context)}`;
}

/** Reads a stored signature back; the name may contain spaces, so the fixed parts are taken from the end. */
export function parseReceiptSignature(signature: string): { name: string; user_id: string; signed_at: string; digest: string } | null {
  const match = /^(.+) (\S+) (\S+) sha256:([0-9a-f]{64})$/.exec(signature);
  if (!match) return null;
  return { name: match[1]!, user_id: match[2]!, signed_at: match[3]!, digest: match[4]! };
}

/** Whether a stored signature was made by this user on this item at this point of its chain. */
export function signatureHolds(signature: string, context: Omit<SignatureContext, 'name' | 'signed_at'>): boolean {
  const parsed = parseReceiptSignature(signature);
  if (!parsed || parsed.user_id !== context.user_id) return false;
  return parsed.digest === signatureDigest({ ...context, name: parsed.name, signed_at: parsed.signed_at });
}
