/**
 * Rules applied to alerts as they arrive. Pure rules, no I/O.
 *
 * - fingerprint: alerts with the same values of `fields` within `window_seconds` fold into the first
 *   (its repeat_count grows) instead of becoming new alerts;
 * - snooze: matching alerts are dropped until `until`, and counted on the rule;
 * - correlate: alerts with the same values of `fields` within `window_seconds` share a group
 *   (alerts sharing an observable are grouped anyway, within a day);
 * - attach: matching alerts are attached to an open incident (`incident_id`).
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from './hash-chain.js';

export const ALERT_RULE_KINDS = ['fingerprint', 'snooze', 'correlate', 'attach'] as const;
export type AlertRuleKind = (typeof ALERT_RULE_KINDS)[number];

/** Alert fields a fingerprint or correlate rule may use; `observable:<type>` uses the alert's observables of that type. */
export const RULE_FIELDS = ['source', 'type', 'title', 'severity', 'description', 'tags'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];
export const OBSERVABLE_FIELD_PREFIX = 'observable:';

/** Every condition given must hold (AND); within a list any value may match (OR). */
export interface RuleConditions {
  source?: string[];
  type?: string[];
  severity?: number[];
  /** The alert carries at least one of these tags. */
  tags?: string[];
  /** Case-insensitive substring of the title. */
  title_contains?: string;
  /** The alert carries an observable of one of these types. */
  observable_types?: string[];
}

/** What rules look at in an alert: its fields and its normalised observables. */
export interface AlertFacts {
  source: string;
  type: string;
  title: string;
  description: string;
  severity: number;
  tags: readonly string[];
  observables: ReadonlyArray<{ type: string; value: string }>;
}

export const DEFAULT_CORRELATION_WINDOW_SECONDS = 24 * 3600;
export const RULE_WINDOW_MAX_SECONDS = 90 * 24 * 3600;

export function matchesConditions(conditions: RuleConditions, alert: AlertFacts): boolean {
  if (conditions.source?.length && !conditions.source.includes(alert.source)) return false;
  if (conditions.type?.length && !conditions.type.includes(alert.type)) return false;
  if (conditions.severity?.length && !conditions.severity.includes(alert.severity)) return false;
  if (conditions.tags?.length && !conditions.tags.some((tag) => alert.tags.includes(tag))) return false;
  if (conditions.title_contains && !alert.title.toLowerCase().includes(conditions.title_contains.toLowerCase())) return false;
  if (conditions.observable_types?.length && !alert.observables.some((o) => conditions.observable_types!.includes(o.type))) return false;
  return true;
}

export function hasConditions(conditions: RuleConditions): boolean {
  return Object.values(conditions).some((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v)));
}

export function isRuleField(field: string): boolean {
  return (RULE_FIELDS as readonly string[]).includes(field) || (field.startsWith(OBSERVABLE_FIELD_PREFIX) && field.length > OBSERVABLE_FIELD_PREFIX.length);
}

function fieldValue(alert: AlertFacts, field: string): unknown {
  if (field.startsWith(OBSERVABLE_FIELD_PREFIX)) {
    const type = field.slice(OBSERVABLE_FIELD_PREFIX.length);
    return [...new Set(alert.observables.filter((o) => o.type === type).map((o) => o.value))].sort();
  }
  if (field === 'tags') return [...new Set(alert.tags)].sort();
  return alert[field as RuleField];
}

/**
 * The key two alerts share when a rule should treat them as the same: a hash of the rule and the
 * values of its fields. Null when every field is empty, so that alerts lacking the fields are never
 * folded together by accident.
 */
export function ruleKey(ruleId: string, fields: readonly string[], alert: AlertFacts): string | null {
  const values = fields.map((field) => fieldValue(alert, field));
  const empty = values.every((v) => v === '' || v === undefined || (Array.isArray(v) && v.length === 0));
  if (empty) return null;
  return createHash('sha256').update(canonicalJson([ruleId, ...values])).digest('hex').slice(0, 40);
}

/** The earliest last_seen_at an earlier alert may have to still count within a rule's window. */
export function windowStart(now: string, windowSeconds: number): string {
  return new Date(Date.parse(now) - windowSeconds * 1000).toISOString();
}

/** A snooze rule is in force until its `until` (for ever when it has none). */
export function snoozeActive(until: string | null, now: string): boolean {
  return until === null || until > now;
}

export interface RuleShape {
  kind: AlertRuleKind;
  conditions: RuleConditions;
  fields: readonly string[];
  window_seconds: number | null;
  until: string | null;
  incident_id: string | null;
}

/** What a rule of its kind must and must not have; one problem per field, paths relative to the body. */
export function ruleProblems(rule: RuleShape): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  const needs = (ok: boolean, path: string, message: string) => {
    if (!ok) problems.push({ path, message });
  };
  const usesFields = rule.kind === 'fingerprint' || rule.kind === 'correlate';
  if (usesFields) {
    needs(rule.fields.length > 0, 'fields', `a ${rule.kind} rule names the alert fields it compares, e.g. ["source", "title"]`);
    rule.fields.forEach((f, i) => needs(isRuleField(f), `fields.${i}`, `"${f}" is not one of ${RULE_FIELDS.join(', ')} or observable:<type>`));
    needs(rule.window_seconds !== null, 'window_seconds', `a ${rule.kind} rule needs a window (seconds)`);
  } else {
    needs(rule.fields.length === 0, 'fields', `a ${rule.kind} rule compares no fields`);
    needs(hasConditions(rule.conditions), 'conditions', `a ${rule.kind} rule needs at least one condition, or it would catch every alert`);
  }
  needs(rule.kind === 'snooze' || rule.until === null, 'until', 'only snooze rules end at a time');
  needs(rule.kind === 'attach' ? rule.incident_id !== null : rule.incident_id === null, 'incident_id', rule.kind === 'attach' ? 'an attach rule names the incident' : 'only attach rules name an incident');
  return problems;
}
