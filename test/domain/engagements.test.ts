import { describe, expect, it } from 'vitest';
import { allowedNextStatuses, canMoveEngagement, checkEngagedAt, ENGAGEMENT_STATUSES, isOpenEngagement, partyContactLine, partyContractLine, type EngagementStatus } from '../../src/domain/engagements.js';
import { BulwarkError } from '../../src/domain/errors.js';

describe('engagement status course', () => {
  it.each<[EngagementStatus, EngagementStatus, boolean]>([
    ['requested', 'engaged', true],
    ['requested', 'active', true],
    ['requested', 'declined', true],
    ['requested', 'released', false],
    ['engaged', 'active', true],
    ['engaged', 'released', true],
    ['engaged', 'requested', false],
    ['active', 'released', true],
    ['active', 'declined', false],
    ['active', 'engaged', false],
    ['released', 'active', true],
    ['released', 'engaged', true],
    ['released', 'declined', false],
    ['declined', 'requested', true],
    ['declined', 'active', false],
  ])('%s → %s: %s', (from, to, allowed) => {
    expect(canMoveEngagement(from, to)).toBe(allowed);
    expect(allowedNextStatuses(from).includes(to)).toBe(allowed);
  });

  it('treats staying put as no move, and never lists a status as its own next', () => {
    for (const status of ENGAGEMENT_STATUSES) {
      expect(canMoveEngagement(status, status)).toBe(true);
      expect(allowedNextStatuses(status)).not.toContain(status);
    }
  });

  it('counts only released and declined engagements as closed', () => {
    expect(ENGAGEMENT_STATUSES.filter(isOpenEngagement)).toEqual(['requested', 'engaged', 'active']);
  });
});

describe('engagement time', () => {
  const now = '2026-11-23T08:00:00.000Z';
  it('accepts now and the past', () => {
    expect(() => checkEngagedAt(now, now)).not.toThrow();
    expect(() => checkEngagedAt('2026-11-22T23:59:59.000Z', now)).not.toThrow();
  });
  it('refuses the future with a problem on engaged_at', () => {
    try {
      checkEngagedAt('2026-11-23T08:00:00.001Z', now);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BulwarkError);
      expect((error as BulwarkError).kind).toBe('validation');
      expect((error as BulwarkError).errors[0]!.path).toBe('body.engaged_at');
    }
  });
});

describe('party lines from the plan', () => {
  it('puts the insurer hotline first and the policy number in the contract', () => {
    const insurer = { id: 'i', kind: 'cyber_insurer' as const, name: 'Aegis', contact_name: ' Claims desk ', phone: '+44 20 7946 0000', hotline: '+44 800 123 4567', policy_number: 'CY-1', contract_reference: 'Broker ref 9' };
    expect(partyContactLine(insurer)).toBe('Hotline +44 800 123 4567 · Claims desk · +44 20 7946 0000');
    expect(partyContractLine(insurer)).toBe('Broker ref 9 · Policy CY-1');
  });
  it('is empty when the plan says nothing', () => {
    const bare = { id: 'b', kind: 'other' as const, name: 'Someone' };
    expect(partyContactLine(bare)).toBe('');
    expect(partyContractLine(bare)).toBe('');
  });
});
