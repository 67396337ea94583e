/**
 * What to change in an incident's stored obligations when the engine's answer changes. People's work
 * is kept: a submitted obligation is never touched; one someone marked not required stays so; what
 * the facts no longer require becomes not required with the reason, and comes back if they do again.
 */
import type { Instant } from '../time.js';
import type { ObligationStatus } from './incident-facts.js';
import type { Obligation } from './types.js';

export interface StoredObligation {
  id: string;
  regime: string;
  stage: string;
  /** '' when not per state. */
  state: string;
  deadline: Instant | null;
  status: ObligationStatus;
  status_reason: string;
}

export const FACTS_CHANGED = 'facts changed:';

export interface ObligationPlan {
  create: Obligation[];
  /** Deadline (or recipient, clock) recomputed; `reopen` when it had been retired by a facts change. */
  update: Array<{ id: string; obligation: Obligation; from: Instant | null; reopen: boolean }>;
  retire: Array<{ id: string; reason: string }>;
}

export const obligationKey = (o: { regime: string; stage: string; state?: string | undefined }) => `${o.regime}/${o.stage}/${o.state ?? ''}`;

export function reconcileObligations(stored: readonly StoredObligation[], computed: readonly Obligation[], regimeNames: ReadonlyMap<string, string> = new Map()): ObligationPlan {
  const plan: ObligationPlan = { create: [], update: [], retire: [] };
  const byKey = new Map(stored.map((s) => [obligationKey(s), s]));
  const wanted = new Set<string>();
  for (const obligation of computed) {
    const key = obligationKey(obligation);
    wanted.add(key);
    const existing = byKey.get(key);
    if (!existing) {
      plan.create.push(obligation);
      continue;
    }
    if (existing.status === 'submitted') continue;
    const retiredByFacts = existing.status === 'not_required' && existing.status_reason.startsWith(FACTS_CHANGED);
    if (existing.status === 'not_required' && !retiredByFacts) continue;
    if (retiredByFacts || existing.deadline !== obligation.deadline_utc) plan.update.push({ id: existing.id, obligation, from: existing.deadline, reopen: retiredByFacts });
  }
  for (const existing of stored) {
    if (wanted.has(obligationKey(existing)) || existing.status === 'submitted' || existing.status === 'not_required') continue;
    const name = regimeNames.get(existing.regime) ?? existing.regime;
    plan.retire.push({ id: existing.id, reason: `${FACTS_CHANGED} ${name} ${existing.stage.replaceAll('_', ' ')}${existing.state ? ` (${existing.state})` : ''} is no longer required by the incident's facts, decisions and the organisation profile` });
  }
  return plan;
}

export const planIsEmpty = (plan: ObligationPlan) => plan.create.length + plan.update.length + plan.retire.length === 0;
