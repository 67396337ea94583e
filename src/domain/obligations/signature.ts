/**
 * Decision records are signed so that tampering shows: the signature is a SHA-256 over the canonical
 * JSON of what was decided, on what facts, by whom and when it was signed. Changing any of these in
 * the database without re-signing makes `verifyDecisionSignature` answer false.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../hash-chain.js';

export interface SignedDecision {
  incident_id: string;
  kind: string;
  outcome: boolean;
  decided_at: string;
  facts: string;
  signer_id: string;
  signed_at: string;
}

export function decisionSignature(decision: SignedDecision): string {
  const { incident_id, kind, outcome, decided_at, facts, signer_id, signed_at } = decision;
  return createHash('sha256').update(canonicalJson({ incident_id, kind, outcome, decided_at, facts, signer_id, signed_at })).digest('hex');
}

export function verifyDecisionSignature(decision: SignedDecision, signature: string): boolean {
  return decisionSignature(decision) === signature;
}
