import { matchesConditions, ruleKey, windowStart } from '../../domain/alert-rules.js';
import { newId } from '../../domain/ids.js';
import type { IngestOutcome } from '../../domain/ingestion.js';
import { findBySourceRefs, findOpenByFingerprints } from '../../store/repositories/alert-ingest.js';
import type { AlertRuleRecord } from '../alert-rules/alert-rule-record.js';
import type { UnitOfWork } from '../transaction.js';
import type { CheckedAlert } from './alert-input.js';

/** What happens to one valid alert of a request. */
export type IntakeDecision =
  | { outcome: 'snoozed'; rule_id: string }
  | { outcome: 'repeated' | 'deduplicated'; alert_id: string; rule_id?: string }
  | { outcome: 'created' | 'attached'; alert_id: string; fingerprint: string | null; correlation: { rule: AlertRuleRecord; key: string } | null; attach: AlertRuleRecord | null };

export interface IntakePlan {
  decisions: Map<number, IntakeDecision>;
  /** Earlier alerts seen again, and how many times. */
  repeats: Map<string, number>;
  /** Matches per rule, for its counter. */
  matches: Map<string, number>;
}

const refKey = (a: { source: string; source_ref: string }) => `${a.source}\u0000${a.source_ref}`;
const firstMatching = (rules: AlertRuleRecord[], alert: CheckedAlert) => rules.find((r) => matchesConditions(r.conditions, alert)) ?? null;

/**
 * Decides, alert by alert in request order, whether it is snoozed, a repeat of a stored or earlier
 * alert (same source_ref), folded by a fingerprint rule, or new; new alerts learn their fingerprint,
 * correlate key and attach rule. Reads what it needs in a few bulk queries first.
 */
export async function planIntake(uow: UnitOfWork, rules: AlertRuleRecord[], alerts: ReadonlyMap<number, CheckedAlert>, openIncidents: ReadonlySet<string>): Promise<IntakePlan> {
  const organisationId = uow.actor.organisationId;
  const ofKind = (kind: AlertRuleRecord['kind']) => rules.filter((r) => r.kind === kind);
  const snoozes = ofKind('snooze');
  const fingerprints = ofKind('fingerprint');
  const correlates = ofKind('correlate');
  const attaches = ofKind('attach').filter((r) => r.incident_id !== null && openIncidents.has(r.incident_id));

  const stored = await findBySourceRefs(uow.db, organisationId, [...alerts.values()]);
  const fingerprintOf = new Map<number, { rule: AlertRuleRecord; key: string }>();
  const wanted = new Map<AlertRuleRecord, string[]>();
  for (const [index, alert] of alerts) {
    const rule = firstMatching(fingerprints, alert);
    const key = rule ? ruleKey(rule.id, rule.fields, alert) : null;
    if (!rule || !key) continue;
    fingerprintOf.set(index, { rule, key });
    const keys = wanted.get(rule);
    if (keys) keys.push(key);
    else wanted.set(rule, [key]);
  }
  const open = new Map<string, string>();
  for (const [rule, keys] of wanted) {
    const found = await findOpenByFingerprints(uow.db, organisationId, keys, windowStart(uow.now, rule.window_seconds ?? 3600));
    for (const [key, id] of found) open.set(key, id);
  }

  const plan: IntakePlan = { decisions: new Map(), repeats: new Map(), matches: new Map() };
  const matched = (rule: AlertRuleRecord) => plan.matches.set(rule.id, (plan.matches.get(rule.id) ?? 0) + 1);
  const seenAgain = (id: string) => plan.repeats.set(id, (plan.repeats.get(id) ?? 0) + 1);
  const newInRequest = new Map<string, string>();
  for (const [index, alert] of alerts) {
    const snooze = firstMatching(snoozes, alert);
    if (snooze) {
      matched(snooze);
      plan.decisions.set(index, { outcome: 'snoozed', rule_id: snooze.id });
      continue;
    }
    const again = stored.get(refKey(alert))?.id ?? newInRequest.get(refKey(alert));
    if (again) {
      // A repeat inside the same request counts on the alert made moments before.
      seenAgain(again);
      plan.decisions.set(index, { outcome: 'repeated', alert_id: again });
      continue;
    }
    const fingerprint = fingerprintOf.get(index) ?? null;
    const folded = fingerprint ? open.get(fingerprint.key) : undefined;
    if (fingerprint && folded) {
      matched(fingerprint.rule);
      seenAgain(folded);
      plan.decisions.set(index, { outcome: 'deduplicated', alert_id: folded, rule_id: fingerprint.rule.id });
      continue;
    }
    const id = newId('alert');
    newInRequest.set(refKey(alert), id);
    if (fingerprint) open.set(fingerprint.key, id);
    const correlate = firstMatching(correlates, alert);
    const correlationKey = correlate ? ruleKey(correlate.id, correlate.fields, alert) : null;
    if (correlate && correlationKey) matched(correlate);
    const attach = firstMatching(attaches, alert);
    if (attach) matched(attach);
    plan.decisions.set(index, {
      outcome: attach ? 'attached' : 'created',
      alert_id: id,
      fingerprint: fingerprint?.key ?? null,
      correlation: correlate && correlationKey ? { rule: correlate, key: correlationKey } : null,
      attach,
    });
  }
  return plan;
}

export function countOutcomes(outcomes: Iterable<IngestOutcome>): Record<IngestOutcome, number> {
  const counts: Record<IngestOutcome, number> = { created: 0, repeated: 0, deduplicated: 0, attached: 0, snoozed: 0, rejected: 0 };
  for (const outcome of outcomes) counts[outcome] += 1;
  return counts;
}
