/**
 * Third-party engagements: outside help called in on an incident (IR retainer, outside counsel, the
 * cyber insurer, forensics, law enforcement…). Who was called, when, under which contract or legal
 * privilege, and how the engagement stands.
 */
import { invalid } from './errors.js';
import type { ThirdParty } from './plan.js';

export const ENGAGEMENT_STATUSES = ['requested', 'engaged', 'active', 'released', 'declined'] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

export const ENGAGEMENT_STATUS_LABELS: Record<EngagementStatus, string> = {
  requested: 'Requested',
  engaged: 'Engaged',
  active: 'Active',
  released: 'Released',
  declined: 'Declined',
};

/**
 * The usual course is requested → engaged → active → released. A party may decline before work
 * starts; a released party can be called back (re-infection) and a declined one asked again.
 */
const NEXT: Record<EngagementStatus, readonly EngagementStatus[]> = {
  requested: ['engaged', 'active', 'declined'],
  engaged: ['active', 'released', 'declined'],
  active: ['released'],
  released: ['engaged', 'active'],
  declined: ['requested', 'engaged'],
};

/** Statuses an engagement may be recorded with when first added (a released engagement was never added). */
export const INITIAL_ENGAGEMENT_STATUSES = ['requested', 'engaged', 'active', 'declined'] as const satisfies readonly EngagementStatus[];

export function allowedNextStatuses(from: EngagementStatus): readonly EngagementStatus[] {
  return NEXT[from];
}

export function canMoveEngagement(from: EngagementStatus, to: EngagementStatus): boolean {
  return from === to || NEXT[from].includes(to);
}

/** Open engagements are the ones still costing money or attention: everything but released and declined. */
export const isOpenEngagement = (status: EngagementStatus): boolean => status !== 'released' && status !== 'declined';

/** When the party was called must be known and not in the future (a typo in the year is the usual cause). */
export function checkEngagedAt(engagedAt: string, now: string): void {
  if (Date.parse(engagedAt) > Date.parse(now)) {
    throw invalid('The engagement time is in the future.', [{ path: 'body.engaged_at', message: 'must not be later than now' }]);
  }
}

/** How to reach a party from the plan, in one line a responder can read out at 3 a.m. */
export function partyContactLine(party: ThirdParty): string {
  return [
    party.hotline ? `Hotline ${party.hotline}` : '',
    party.contact_name ?? '',
    party.phone ?? '',
    party.email ?? '',
  ]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' · ');
}

/** The contract an engagement runs under: the retainer or engagement letter, or the insurer's policy. */
export function partyContractLine(party: ThirdParty): string {
  return [party.contract_reference ? party.contract_reference.trim() : '', party.policy_number ? `Policy ${party.policy_number.trim()}` : ''].filter(Boolean).join(' · ');
}
