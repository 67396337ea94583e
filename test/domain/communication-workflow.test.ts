import { describe, expect, it } from 'vitest';
import { authorityOf, checkStep, COMMUNICATION_STATUSES, needsLegalReview, nextStatusUpdateDue, statusAfterEdit, textGaps, type CommunicationAction, type CommunicationStatus } from '../../src/domain/communication-workflow.js';
import { AUDIENCES, type Audience } from '../../src/domain/plan.js';

const allowed = (action: CommunicationAction, status: CommunicationStatus, audience: Audience = 'staff') => {
  try {
    checkStep(action, status, audience);
    return true;
  } catch (error) {
    expect(error).toMatchObject({ kind: 'conflict' });
    return false;
  }
};

describe('communication workflow', () => {
  it('needs legal review for every outside audience and not for staff or executives', () => {
    expect(AUDIENCES.filter(needsLegalReview)).toEqual(['customers', 'regulators', 'media', 'law_enforcement', 'partners', 'insurer']);
  });

  it.each([
    ['submit', ['draft']],
    ['review', ['in_review']],
    ['send', ['approved']],
    ['edit', ['draft', 'in_review', 'legal_reviewed', 'approved']],
    ['withdraw', ['draft', 'in_review', 'legal_reviewed', 'approved']],
  ] as const)('allows %s only from %j', (action, from) => {
    expect(COMMUNICATION_STATUSES.filter((status) => allowed(action, status))).toEqual(from);
  });

  it('lets internal messages be approved without legal review, outside ones only after it', () => {
    expect(COMMUNICATION_STATUSES.filter((s) => allowed('approve', s, 'executives'))).toEqual(['draft', 'in_review', 'legal_reviewed']);
    expect(COMMUNICATION_STATUSES.filter((s) => allowed('approve', s, 'regulators'))).toEqual(['legal_reviewed']);
    expect(() => checkStep('approve', 'draft', 'media')).toThrow(/needs legal review before approval/);
    expect(() => checkStep('edit', 'sent', 'media')).toThrow(/has been sent/);
  });

  it('returns edited words to draft, and leaves the status alone when only the kind changed', () => {
    expect(statusAfterEdit('approved', true)).toBe('draft');
    expect(statusAfterEdit('legal_reviewed', true)).toBe('draft');
    expect(statusAfterEdit('approved', false)).toBe('approved');
  });

  it('gives review to the Legal role and approval to commander, sponsor or communications lead who did not draft it; admins get nothing for free', () => {
    expect(authorityOf('u1', ['legal'], 'u2')).toMatchObject({ mayReview: true, mayApprove: false });
    expect(authorityOf('u1', ['observer'], 'u2').reviewRefusal).toContain('Legal role');
    for (const role of ['incident_commander', 'executive_sponsor', 'communications_lead'] as const) expect(authorityOf('u1', [role], 'u2').mayApprove).toBe(true);
    expect(authorityOf('u1', ['incident_commander'], 'u1')).toMatchObject({ mayApprove: false, approvalRefusal: expect.stringContaining('You drafted') });
    expect(authorityOf('u1', ['technical_lead', 'deputy_commander'], 'u2')).toMatchObject({ mayApprove: false, approvalRefusal: expect.stringContaining('assign themselves a role') });
    expect(authorityOf('u1', [], 'u2')).toMatchObject({ mayReview: false, mayApprove: false });
  });

  it('lists the variables left as [name] gaps', () => {
    expect(textGaps('Update on [incident.number]', 'By [next_update_at]; [not.a.variable] stays text')).toEqual(['incident.number', 'next_update_at']);
    expect(textGaps('all filled')).toEqual([]);
  });
});

describe('status-update cadence', () => {
  const cadence = [{ severity: 1 as const, every_minutes: 120, audience: 'executives' as const }];
  const base = { cadence, severity: 1 as const, phase: 'containment' as const, openedAt: '2026-11-23T08:00:00.000Z', lastStatusUpdateSentAt: null };

  it('is due every_minutes after the incident opened, then after the last status update sent', () => {
    expect(nextStatusUpdateDue(base)).toEqual({ due_at: '2026-11-23T10:00:00.000Z', every_minutes: 120, audience: 'executives' });
    expect(nextStatusUpdateDue({ ...base, lastStatusUpdateSentAt: '2026-11-23T11:30:00.000Z' })?.due_at).toBe('2026-11-23T13:30:00.000Z');
  });

  it('has no due time for closed incidents or severities without a cadence', () => {
    expect(nextStatusUpdateDue({ ...base, phase: 'closed' })).toBeNull();
    expect(nextStatusUpdateDue({ ...base, severity: 3 })).toBeNull();
    expect(nextStatusUpdateDue({ ...base, cadence: [] })).toBeNull();
  });
});
