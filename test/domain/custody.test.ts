import { describe, expect, it } from 'vitest';
import {
  checkedOutBy,
  custodyEffect,
  custodyRefusal,
  occurredAtProblem,
  parseReceiptSignature,
  receiptSignature,
  RECEIPT_STATEMENT,
  sameName,
  signatureHolds,
  signatureProblems,
  type CustodyState,
} from '../../src/domain/custody.js';

const names = (id: string) => ({ usr_a: 'Alice Archer', usr_b: 'Bob Baker', usr_c: 'Carol Cole' })[id] ?? id;
const held = (changes: Partial<CustodyState> = {}): CustodyState => ({ number: 'EVD-2026-0001', status: 'active', holder_id: 'usr_a', pending_holder_id: null, checked_out_by: null, ...changes });

describe('custody rules', () => {
  it('lets the holder hand over, check out and in, copy and return; refuses others naming the holder', () => {
    for (const action of ['checked_out', 'copied', 'returned']) expect(custodyRefusal(held(), 'usr_a', action, {}, names)).toBeNull();
    expect(custodyRefusal(held(), 'usr_a', 'transferred', { to_user_id: 'usr_b' }, names)).toBeNull();
    const refusal = custodyRefusal(held(), 'usr_b', 'checked_out', {}, names);
    expect(refusal).toMatchObject({ kind: 'forbidden' });
    expect(refusal!.message).toContain('held by Alice Archer');
    expect(custodyRefusal(held({ holder_id: null }), 'usr_b', 'copied', {}, names)?.message).toContain('Nobody holds');
  });

  it('lets anyone working on the item record an analysis', () => {
    expect(custodyRefusal(held(), 'usr_c', 'analysed', {}, names)).toBeNull();
  });

  it('needs a receiver for a transfer, other than the holder, and the item checked in', () => {
    expect(custodyRefusal(held(), 'usr_a', 'transferred', {}, names)).toMatchObject({ kind: 'validation', path: 'to_user_id' });
    expect(custodyRefusal(held(), 'usr_a', 'transferred', { to_user_id: 'usr_a' }, names)).toMatchObject({ kind: 'validation', path: 'to_user_id' });
    expect(custodyRefusal(held({ checked_out_by: 'usr_a' }), 'usr_a', 'transferred', { to_user_id: 'usr_b' }, names)).toMatchObject({ kind: 'conflict' });
  });

  it('lets only the pending holder receive, and only while a hand-over waits', () => {
    const pending = held({ pending_holder_id: 'usr_b' });
    expect(custodyRefusal(pending, 'usr_b', 'received', {}, names)).toBeNull();
    const other = custodyRefusal(pending, 'usr_c', 'received', {}, names);
    expect(other).toMatchObject({ kind: 'forbidden' });
    expect(other!.message).toContain('Bob Baker');
    expect(custodyRefusal(pending, 'usr_a', 'received', {}, names)).toMatchObject({ kind: 'forbidden' });
    expect(custodyRefusal(held(), 'usr_b', 'received', {}, names)).toMatchObject({ kind: 'conflict' });
  });

  it('lets the first person sign for an item the system holds (added on the server), and tells others to', () => {
    const fromServer = held({ holder_id: 'system', holder_is_system: true });
    expect(custodyRefusal(fromServer, 'usr_b', 'received', {}, names)).toBeNull();
    expect(custodyEffect(fromServer, 'usr_b', 'received', null)).toMatchObject({ holder_id: 'usr_b', from_user_id: 'system', to_user_id: 'usr_b' });
    expect(custodyRefusal(fromServer, 'usr_b', 'checked_out', {}, names)?.message).toContain('take it over first');
  });

  it('pairs check-out and check-in', () => {
    expect(custodyRefusal(held({ checked_out_by: 'usr_a' }), 'usr_a', 'checked_out', {}, names)).toMatchObject({ kind: 'conflict' });
    expect(custodyRefusal(held(), 'usr_a', 'checked_in', {}, names)).toMatchObject({ kind: 'conflict' });
    expect(custodyRefusal(held({ checked_out_by: 'usr_a' }), 'usr_a', 'checked_in', {}, names)).toBeNull();
  });

  it('closes the log of released and destroyed items', () => {
    for (const status of ['released', 'destroyed'] as const) {
      const refusal = custodyRefusal(held({ status }), 'usr_a', 'checked_out', {}, names);
      expect(refusal).toMatchObject({ kind: 'conflict' });
      expect(refusal!.message).toContain(status);
    }
  });

  it('refuses system actions by hand, saying when the system writes them', () => {
    const refusal = custodyRefusal(held(), 'usr_a', 'downloaded', {}, names);
    expect(refusal).toMatchObject({ kind: 'validation', path: 'action' });
    expect(refusal!.message).toContain('when someone downloads the file');
    expect(custodyRefusal(held(), 'usr_a', 'juggled', {}, names)?.message).toContain('not a custody action');
  });

  it('derives who has the item checked out from the log', () => {
    const e = (action: string, actor_id = 'usr_a') => ({ action, actor_id });
    expect(checkedOutBy([])).toBeNull();
    expect(checkedOutBy([e('collected'), e('checked_out')])).toBe('usr_a');
    expect(checkedOutBy([e('checked_out'), e('downloaded', 'usr_c'), e('checked_in')])).toBeNull();
    expect(checkedOutBy([e('checked_out'), e('returned')])).toBeNull();
  });

  it('says what each action changes', () => {
    expect(custodyEffect(held(), 'usr_a', 'transferred', 'usr_b')).toEqual({ pending_holder_id: 'usr_b', from_user_id: 'usr_a', to_user_id: 'usr_b' });
    expect(custodyEffect(held({ pending_holder_id: 'usr_b' }), 'usr_b', 'received', null)).toEqual({ holder_id: 'usr_b', pending_holder_id: null, from_user_id: 'usr_a', to_user_id: 'usr_b' });
    expect(custodyEffect(held(), 'usr_a', 'checked_out', null)).toEqual({ from_user_id: null, to_user_id: null });
  });

  it('checks when it happened: not in the future, not before collection, a receipt not before its hand-over', () => {
    const now = '2026-05-01T12:00:00.000Z';
    const collected = '2026-04-30T08:00:00.000Z';
    expect(occurredAtProblem('2026-05-01T09:00:00.000Z', now, collected)).toBeNull();
    expect(occurredAtProblem('2026-05-01T12:00:30.000Z', now, collected)).toBeNull();
    expect(occurredAtProblem('2026-05-02T12:00:00.000Z', now, collected)).toContain('future');
    expect(occurredAtProblem('2026-04-29T12:00:00.000Z', now, collected)).toContain('collected');
    expect(occurredAtProblem('2026-05-01T09:00:00.000Z', now, collected, { at: '2026-05-01T10:00:00.000Z', what: 'the hand-over' })).toContain('hand-over');
  });
});

describe('receiving signature', () => {
  it('needs the account name, whatever the case and spacing, and the statement accepted', () => {
    expect(sameName('  bob   BAKER ', 'Bob Baker')).toBe(true);
    expect(sameName('Bob Baker Jr', 'Bob Baker')).toBe(false);
    expect(signatureProblems({ name: 'bob baker', statement_accepted: true }, 'Bob Baker')).toEqual([]);
    expect(signatureProblems({ name: 'Alice Archer', statement_accepted: true }, 'Bob Baker').map((p) => p.path)).toEqual(['signature.name']);
    expect(signatureProblems({ name: 'Bob Baker', statement_accepted: false }, 'Bob Baker').map((p) => p.path)).toEqual(['signature.statement_accepted']);
    expect(signatureProblems(undefined, 'Bob Baker').map((p) => p.path)).toEqual(['signature']);
  });

  it('is bound to the item, its content and the point in its chain', () => {
    const context = { evidence_id: 'evd_1', sha256: 'a'.repeat(64), prev_hash: 'b'.repeat(64), name: 'Bob Baker', user_id: 'usr_b', signed_at: '2026-05-01T12:00:00.000Z' };
    const signature = receiptSignature(context);
    expect(signature).toMatch(/^Bob Baker usr_b 2026-05-01T12:00:00.000Z sha256:[0-9a-f]{64}$/);
    expect(parseReceiptSignature(signature)).toMatchObject({ name: 'Bob Baker', user_id: 'usr_b', signed_at: context.signed_at });
    const bound = { evidence_id: 'evd_1', sha256: context.sha256, prev_hash: context.prev_hash, user_id: 'usr_b' };
    expect(signatureHolds(signature, bound)).toBe(true);
    expect(signatureHolds(signature, { ...bound, evidence_id: 'evd_2' })).toBe(false);
    expect(signatureHolds(signature, { ...bound, sha256: 'c'.repeat(64) })).toBe(false);
    expect(signatureHolds(signature, { ...bound, prev_hash: 'd'.repeat(64) })).toBe(false);
    expect(signatureHolds(signature, { ...bound, user_id: 'usr_c' })).toBe(false);
    expect(signatureHolds(signature.replace('Bob Baker', 'Eve Evans'), bound)).toBe(false);
    expect(receiptSignature({ ...context, sha256: null })).not.toBe(signature);
    expect(RECEIPT_STATEMENT.length).toBeGreaterThan(40);
  });
});
