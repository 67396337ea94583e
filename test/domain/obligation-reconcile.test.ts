import { describe, expect, it } from 'vitest';
import { reconcileObligations, type StoredObligation } from '../../src/domain/obligations/reconcile.js';
import { checkObligationChange, shownStatus } from '../../src/domain/obligations/status.js';
import { decisionSignature, verifyDecisionSignature } from '../../src/domain/obligations/signature.js';
import type { Obligation } from '../../src/domain/obligations/types.js';

const computed = (regime: string, stage: string, deadline: string, state?: string): Obligation => ({
  regime, regime_name: regime.toUpperCase(), stage, recipient: 'Authority', ...(state ? { state } : {}), deadline, deadline_utc: deadline, deadline_organisation: deadline,
  time_zone: 'UTC', deadline_kind: 'legal', without_undue_delay: false, basis: 'Art. 1', clock: { start: 'aware_at', started_at: '2026-01-01T00:00:00.000Z', rule: '72 h after aware_at' },
});
const stored = (id: string, regime: string, stage: string, deadline: string, status: StoredObligation['status'] = 'pending', status_reason = '', state = ''): StoredObligation => ({ id, regime, stage, state, deadline, status, status_reason });

describe('reconciling stored obligations with the engine', () => {
  const D1 = '2026-01-04T00:00:00.000Z';
  const D2 = '2026-01-05T00:00:00.000Z';

  it('creates new ones, moves changed deadlines and leaves unchanged ones alone', () => {
    const plan = reconcileObligations([stored('o1', 'gdpr', 'authority', D1), stored('o2', 'nis2', 'early_warning', D1)], [computed('gdpr', 'authority', D2), computed('nis2', 'early_warning', D1), computed('dora', 'initial', D1)]);
    expect(plan.create.map((o) => o.regime)).toEqual(['dora']);
    expect(plan.update).toEqual([{ id: 'o1', obligation: expect.objectContaining({ regime: 'gdpr' }), from: D1, reopen: false }]);
    expect(plan.retire).toEqual([]);
  });

  it('retires what the facts no longer require with the reason, never touches a submitted one, and keeps a manual "not required"', () => {
    const plan = reconcileObligations(
      [stored('o1', 'gdpr', 'authority', D1), stored('o2', 'hipaa', 'hhs', D1, 'submitted'), stored('o3', 'nis2', 'early_warning', D1, 'not_required', 'CSIRT said not significant'), stored('o4', 'hipaa', 'media', D1, 'drafted', '', 'CA')],
      [computed('hipaa', 'hhs', D2), computed('nis2', 'early_warning', D2)],
      new Map([['gdpr', 'GDPR'], ['hipaa', 'HIPAA']]),
    );
    expect(plan.create).toEqual([]);
    expect(plan.update).toEqual([]);
    expect(plan.retire).toEqual([
      { id: 'o1', reason: expect.stringMatching(/^facts changed: GDPR authority is no longer required/) },
      { id: 'o4', reason: expect.stringMatching(/^facts changed: HIPAA media \(CA\)/) },
    ]);
  });

  it('brings back one retired by a facts change when the facts require it again', () => {
    const plan = reconcileObligations([stored('o1', 'gdpr', 'authority', D1, 'not_required', 'facts changed: GDPR authority …')], [computed('gdpr', 'authority', D1)]);
    expect(plan.update).toEqual([{ id: 'o1', obligation: expect.objectContaining({ regime: 'gdpr' }), from: D1, reopen: true }]);
  });
});

describe('obligation status', () => {
  const deadline = '2026-01-04T00:00:00.000Z';
  it('shows late past the deadline unless submitted or not required', () => {
    expect(shownStatus('pending', deadline, '2026-01-03T00:00:00.000Z')).toBe('pending');
    expect(shownStatus('drafted', deadline, '2026-01-05T00:00:00.000Z')).toBe('late');
    expect(shownStatus('submitted', deadline, '2026-01-05T00:00:00.000Z')).toBe('submitted');
    expect(shownStatus('late', '2026-02-01T00:00:00.000Z', '2026-01-05T00:00:00.000Z')).toBe('pending');
  });

  it('asks for a reference and a time to submit, reasons for a delay when late, and a reason for not required', () => {
    const paths = (fn: () => void) => {
      try {
        fn();
        return [];
      } catch (error) {
        return (error as { errors: Array<{ path: string }> }).errors.map((e) => e.path);
      }
    };
    const now = '2026-01-05T00:00:00.000Z';
    expect(paths(() => checkObligationChange({ status: 'pending', deadline }, { status: 'submitted' }, now))).toEqual(['reference', 'submitted_at', 'delay_reason']);
    expect(paths(() => checkObligationChange({ status: 'pending', deadline }, { status: 'submitted', reference: 'BfDI-1', submitted_at: '2026-01-03T00:00:00.000Z' }, now))).toEqual([]);
    expect(paths(() => checkObligationChange({ status: 'late', deadline }, { status: 'submitted', reference: 'BfDI-1', submitted_at: now, delay_reason: 'Forensics took three days' }, now))).toEqual([]);
    expect(paths(() => checkObligationChange({ status: 'pending', deadline }, { status: 'not_required', reason: ' ' }, now))).toEqual(['reason']);
    expect(paths(() => checkObligationChange({ status: 'submitted', deadline }, { status: 'drafted' }, now))).toEqual(['status']);
  });
});

describe('decision signatures', () => {
  it('change when any signed field changes', () => {
    const decision = { incident_id: 'inc_1', kind: 'personal_data_breach', outcome: true, decided_at: '2026-01-01T10:00:00.000Z', facts: 'CRM export on a paste site', signer_id: 'usr_1', signed_at: '2026-01-01T10:05:00.000Z' };
    const signature = decisionSignature(decision);
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyDecisionSignature(decision, signature)).toBe(true);
    for (const tampered of [{ outcome: false }, { decided_at: '2026-01-02T10:00:00.000Z' }, { facts: 'nothing' }, { signer_id: 'usr_2' }]) expect(verifyDecisionSignature({ ...decision, ...tampered }, signature)).toBe(false);
  });
});
