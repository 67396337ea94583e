/**
 * Stakeholder communications: the life of one message from draft to sent, who must have looked at it
 * before it leaves, and when the next status update is due. Pure rules; the services apply them.
 */
import type { IncidentRole } from './access.js';
import { conflict } from './errors.js';
import type { Severity } from './incident.js';
import type { Phase } from './lifecycle.js';
import { AUDIENCE_LABELS, TEMPLATE_VARIABLES, type Audience, type StatusUpdateCadence } from './plan.js';

export const COMMUNICATION_STATUSES = ['draft', 'in_review', 'legal_reviewed', 'approved', 'sent', 'withdrawn'] as const;
export type CommunicationStatus = (typeof COMMUNICATION_STATUSES)[number];

export const COMMUNICATION_STATUS_LABELS: Record<CommunicationStatus, string> = {
  draft: 'Draft',
  in_review: 'In legal review',
  legal_reviewed: 'Legally reviewed',
  approved: 'Approved',
  sent: 'Sent',
  withdrawn: 'Withdrawn',
};

/** A status update counts for the cadence; a holding statement is prepared wording for the media. */
export const COMMUNICATION_KINDS = ['message', 'status_update', 'holding_statement'] as const;
export type CommunicationKind = (typeof COMMUNICATION_KINDS)[number];

/** Audiences outside the organisation: what is said to them can be quoted back in court, so legal reads it first. */
export const EXTERNAL_AUDIENCES: ReadonlySet<Audience> = new Set(['customers', 'regulators', 'media', 'law_enforcement', 'partners', 'insurer']);

export const needsLegalReview = (audience: Audience): boolean => EXTERNAL_AUDIENCES.has(audience);

/** Incident roles whose holder may approve a communication (never the person who drafted it). */
export const APPROVER_ROLES: readonly IncidentRole[] = ['incident_commander', 'executive_sponsor', 'communications_lead'];
export const REVIEWER_ROLE: IncidentRole = 'legal';

export type CommunicationAction = 'edit' | 'submit' | 'review' | 'approve' | 'send' | 'withdraw';

/**
 * Whether the action may happen in this status; a conflict (409) that says why when not. Authority
 * (who) is checked separately: this is only about where the message stands.
 */
export function checkStep(action: CommunicationAction, status: CommunicationStatus, audience: Audience): void {
  if (status === 'sent') throw conflict('This communication has been sent; it is kept as it was. Draft a new one to correct it.');
  if (status === 'withdrawn') throw conflict('This communication was withdrawn; draft a new one.');
  switch (action) {
    case 'edit':
    case 'withdraw':
      return;
    case 'submit':
      if (status !== 'draft') throw conflict(`Only a draft can be submitted for legal review; this one is ${COMMUNICATION_STATUS_LABELS[status].toLowerCase()}.`);
      return;
    case 'review':
      if (status !== 'in_review') throw conflict('Only a communication submitted for legal review can be reviewed; submit it first.');
      return;
    case 'approve':
      if (status === 'approved') throw conflict('This communication is approved already.');
      if (needsLegalReview(audience) && status !== 'legal_reviewed') {
        throw conflict(`A message to ${AUDIENCE_LABELS[audience].toLowerCase()} needs legal review before approval: submit it, and someone holding the Legal role on this incident reviews it.`);
      }
      return;
    case 'send':
      if (status !== 'approved') throw conflict('Only an approved communication can be sent; it needs approval first.');
  }
}

/** Editing changes the words that were reviewed or approved, so those sign-offs no longer hold. */
export function statusAfterEdit(status: CommunicationStatus, textChanged: boolean): CommunicationStatus {
  return textChanged ? 'draft' : status;
}

/** The incident roles a person holds, and what that lets them do with a communication drafted by `drafterId`. */
export interface Authority {
  mayReview: boolean;
  mayApprove: boolean;
  /** Why not, in words that name who can. */
  reviewRefusal: string;
  approvalRefusal: string;
}

export function authorityOf(personId: string, roles: readonly IncidentRole[], drafterId: string): Authority {
  const mayReview = roles.includes(REVIEWER_ROLE);
  const approver = roles.some((role) => APPROVER_ROLES.includes(role));
  const drafter = personId === drafterId;
  return {
    mayReview,
    mayApprove: approver && !drafter,
    reviewRefusal: mayReview ? '' : 'Only someone holding the Legal role on this incident reviews communications. An incident manager assigns the role under People & roles (administrators may assign it to themselves).',
    approvalRefusal: !approver
      ? 'Only the incident commander, the executive sponsor or the communications lead of this incident approves communications. An incident manager assigns these roles under People & roles (administrators get no exception, but may assign themselves a role).'
      : drafter
        ? 'You drafted this communication; someone else (incident commander, executive sponsor or communications lead) approves it, so two people have read every word that leaves.'
        : '',
  };
}

/** `[incident.summary]`-style gaps left where a variable had no value when the text was rendered. */
export function textGaps(...texts: string[]): string[] {
  return TEMPLATE_VARIABLES.filter((name) => texts.some((text) => text.includes(`[${name}]`)));
}

export interface StatusUpdateDue {
  due_at: string;
  every_minutes: number;
  audience: Audience;
}

/**
 * When the next status update is due: `every_minutes` (by the incident's severity) after the last
 * status update sent, or after the incident was opened. Closed incidents and severities without a
 * cadence have none.
 */
export function nextStatusUpdateDue(input: { cadence: readonly StatusUpdateCadence[]; severity: Severity; phase: Phase; openedAt: string; lastStatusUpdateSentAt: string | null }): StatusUpdateDue | null {
  if (input.phase === 'closed') return null;
  const rule = input.cadence.find((c) => c.severity === input.severity);
  if (!rule || !(rule.every_minutes > 0)) return null;
  const from = input.lastStatusUpdateSentAt ?? input.openedAt;
  return { due_at: new Date(Date.parse(from) + rule.every_minutes * 60_000).toISOString(), every_minutes: rule.every_minutes, audience: rule.audience };
}
