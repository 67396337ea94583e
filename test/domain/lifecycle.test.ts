import { describe, expect, it } from 'vitest';
import { BulwarkError } from '../../src/domain/errors.js';
import { planTransition, type TransitionSubject } from '../../src/domain/lifecycle.js';

const at = '2026-11-23T10:00:00.000Z';
const subject = (overrides: Partial<TransitionSubject> = {}): TransitionSubject => ({
  phase: 'detection',
  severity: 3,
  reviewCompletedAt: null,
  timestamps: { detected_at: '2026-11-23T08:00:00.000Z' },
  ...overrides,
});

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as BulwarkError;
  }
  throw new Error('expected a refusal');
};

describe('planTransition', () => {
  it('moves forward one phase and stamps acknowledged on entering containment', () => {
    const plan = planTransition(subject(), { to: 'containment', at });
    expect(plan).toMatchObject({ from: 'detection', to: 'containment', direction: 'forward', skipped: [] });
    expect(plan.stamps).toEqual({ acknowledged_at: at });
  });

  it('stamps contained when entering eradication, keeping stamps already set', () => {
    const plan = planTransition(subject({ phase: 'containment', timestamps: { acknowledged_at: '2026-11-23T09:00:00.000Z' } }), { to: 'eradication', at });
    expect(plan.stamps).toEqual({ contained_at: at });
  });

  it('refuses a skip without a reason, naming the reason field and the skipped phases', () => {
    const error = refusal(() => planTransition(subject(), { to: 'recovery', at }));
    expect(error.kind).toBe('validation');
    expect(error.errors[0]?.path).toBe('reason');
    expect(error.message).toContain('Containment, Eradication');
  });

  it('allows a skip with a reason and stamps every skipped milestone', () => {
    const plan = planTransition(subject(), { to: 'recovery', reason: 'Isolated by EDR at detection', at });
    expect(plan.skipped).toEqual(['containment', 'eradication']);
    expect(plan.stamps).toEqual({ acknowledged_at: at, contained_at: at, eradicated_at: at });
  });

  it('treats a whitespace reason as no reason', () => {
    expect(refusal(() => planTransition(subject(), { to: 'eradication', reason: '   ', at })).kind).toBe('validation');
  });

  it('allows moving back (re-infection) without a reason and without touching stamps', () => {
    const plan = planTransition(subject({ phase: 'recovery', timestamps: { contained_at: '2026-11-23T09:00:00.000Z' } }), { to: 'containment', at });
    expect(plan.direction).toBe('back');
    expect(plan.stamps).toEqual({});
  });

  it('refuses staying in the same phase', () => {
    expect(refusal(() => planTransition(subject(), { to: 'detection', at })).errors[0]?.path).toBe('to');
  });

  it('needs a resolution to close', () => {
    const error = refusal(() => planTransition(subject({ phase: 'post_incident' }), { to: 'closed', at }));
    expect(error.errors[0]?.path).toBe('resolution');
  });

  it('needs a completed review to close severity 1 and 2 under the default policy', () => {
    for (const severity of [1, 2] as const) {
      const error = refusal(() => planTransition(subject({ phase: 'post_incident', severity }), { to: 'closed', resolution: 'true_positive', at }));
      expect(error.kind).toBe('conflict');
      expect(error.extra.requirement).toBe('review_completed');
    }
    const plan = planTransition(subject({ phase: 'post_incident', severity: 1, reviewCompletedAt: at }), { to: 'closed', resolution: 'true_positive', at });
    expect(plan.resolution).toBe('true_positive');
    expect(plan.stamps.closed_at).toBe(at);
  });

  it('follows an organisation policy that requires no review', () => {
    const plan = planTransition(subject({ phase: 'post_incident', severity: 1 }), { to: 'closed', resolution: 'benign', at }, { reviewRequiredForSeverities: [] });
    expect(plan.to).toBe('closed');
  });

  it('clears the close stamp and resolution when reopening', () => {
    const plan = planTransition(subject({ phase: 'closed', timestamps: { closed_at: '2026-11-22T10:00:00.000Z' } }), { to: 'containment', at });
    expect(plan.stamps).toEqual({ closed_at: null });
    expect(plan.resolution).toBeNull();
  });
});
