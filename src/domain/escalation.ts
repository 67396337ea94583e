/**
 * The escalation matrix at work: who a (severity, category) calls under a response plan, who is new
 * when the severity changes, when an acknowledgement is overdue, and which deputy stands in next.
 * Severity 1 is the gravest.
 */
import type { Severity } from './incident.js';
import type { EscalationRule, PlanContact, PlanContent } from './plan.js';

export const ESCALATION_TRIGGERS = ['opened', 'severity_changed', 'deputy'] as const;
export type EscalationTrigger = (typeof ESCALATION_TRIGGERS)[number];

/** How an acknowledgement reached Bulwark: the person in the app, the e-mailed link, or someone recording a phone call. */
export const ACKNOWLEDGEMENT_CHANNELS = ['app', 'link', 'phone'] as const;
export type AcknowledgementChannel = (typeof ACKNOWLEDGEMENT_CHANNELS)[number];

/** One contact to call and why: the matching rule with the shortest response time. */
export interface Callee {
  contact: PlanContact;
  rule_id: string;
  respond_within_minutes: number;
}

/** A call already made on the incident, as far as deciding who is new needs it. */
export interface PriorCall {
  contact_id: string;
  severity: number;
}

export function ruleMatches(rule: EscalationRule, severity: Severity, category: string): boolean {
  const categories = rule.categories ?? [];
  return (rule.severities ?? []).includes(severity) && (categories.length === 0 || categories.includes(category));
}

/**
 * The contacts the matrix calls for this severity and category, each once, in the plan's rule order.
 * A contact named by several matching rules answers to the shortest response time. Contact ids the
 * team does not list are ignored (the plan editor refuses them; old plans may still have them).
 */
export function contactsToCall(plan: Pick<PlanContent, 'team' | 'escalation_rules'>, severity: Severity, category: string): Callee[] {
  // Plans are stored JSON: an older or hand-made one may lack a list; it then calls nobody rather than failing.
  const team = new Map((plan.team ?? []).map((c) => [c.id, c]));
  const called = new Map<string, Callee>();
  for (const rule of plan.escalation_rules ?? []) {
    if (!ruleMatches(rule, severity, category)) continue;
    for (const contactId of rule.contact_ids ?? []) {
      const contact = team.get(contactId);
      if (!contact) continue;
      const earlier = called.get(contactId);
      if (!earlier || rule.respond_within_minutes < earlier.respond_within_minutes) {
        called.set(contactId, { contact, rule_id: rule.id, respond_within_minutes: rule.respond_within_minutes });
      }
    }
  }
  return [...called.values()];
}

/**
 * Who to call now. On opening: everyone the matrix names. On a severity change: lowering calls nobody;
 * otherwise a contact already called for this incident at the same or a graver severity is skipped,
 * and one called only at a milder severity is called again (the incident is graver, the time to respond shorter).
 */
export function newCallees(
  plan: Pick<PlanContent, 'team' | 'escalation_rules'>,
  change: { severity: Severity; category: string; previous_severity?: Severity | null },
  prior: readonly PriorCall[],
): Callee[] {
  if (change.previous_severity !== null && change.previous_severity !== undefined && change.severity >= change.previous_severity) return [];
  return contactsToCall(plan, change.severity, change.category).filter(
    (callee) => !prior.some((p) => p.contact_id === callee.contact.id && p.severity <= change.severity),
  );
}

/** When the acknowledgement is due, or null when the call set no time. */
export function acknowledgementDueAt(call: { notified_at: string; respond_within_minutes: number | null }): string | null {
  if (call.respond_within_minutes === null) return null;
  return new Date(Date.parse(call.notified_at) + call.respond_within_minutes * 60_000).toISOString();
}

/** Whole minutes past the acknowledgement deadline; 0 when acknowledged, not yet due, or without a deadline. */
export function overdueMinutes(call: { notified_at: string; respond_within_minutes: number | null; acknowledged_at: string | null }, now: string): number {
  if (call.acknowledged_at) return 0;
  const due = acknowledgementDueAt(call);
  if (!due) return 0;
  const late = Date.parse(now) - Date.parse(due);
  return late > 0 ? Math.max(1, Math.floor(late / 60_000)) : 0;
}

export function isOverdue(call: { notified_at: string; respond_within_minutes: number | null; acknowledged_at: string | null }, now: string): boolean {
  if (call.acknowledged_at) return false;
  const due = acknowledgementDueAt(call);
  return due !== null && Date.parse(now) > Date.parse(due);
}

/**
 * The deputy to call for a contact who did not acknowledge in time: the first of their deputies, in
 * plan order, who is in the team and has not been called for this incident yet. Null when none is left.
 */
export function nextDeputy(team: readonly PlanContact[], contactId: string, alreadyCalled: ReadonlySet<string>): PlanContact | null {
  const byId = new Map(team.map((c) => [c.id, c]));
  const contact = byId.get(contactId);
  if (!contact) return null;
  for (const deputyId of contact.deputies ?? []) {
    const deputy = byId.get(deputyId);
    if (deputy && deputyId !== contactId && !alreadyCalled.has(deputyId)) return deputy;
  }
  return null;
}

/**
 * The chain of calls that ends in `call`: the call the matrix made first, then each deputy standing in
 * for the one before (a deputy's call keeps the id of the call it stands in for in `rule_id`).
 */
export function callChain<C extends { id: string; trigger: string; rule_id: string }>(calls: readonly C[], call: C): C[] {
  const byId = new Map(calls.map((c) => [c.id, c]));
  const chain = [call];
  let current = call;
  while (current.trigger === 'deputy') {
    const before = byId.get(current.rule_id);
    if (!before || chain.includes(before)) break;
    chain.unshift(before);
    current = before;
  }
  return chain;
}

// The outbox refuses anything else; a bad address in the plan must not stop an incident from opening.
const MAILBOX = /^[^\s@<>]+@[^\s@<>]+$/;

/** The addresses a call goes to: work first, then personal (out of band: corporate mail may be down), each once. */
export function emailAddressesOf(contact: Pick<PlanContact, 'work_email' | 'personal_email'>): string[] {
  const all = [contact.work_email, contact.personal_email].map((a) => a?.trim() ?? '').filter((a) => MAILBOX.test(a));
  return [...new Set(all.map((a) => a.toLowerCase()))].map((lower) => all.find((a) => a.toLowerCase() === lower)!);
}
