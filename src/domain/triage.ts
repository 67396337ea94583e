/**
 * Triage: what an analyst may do with an alert in each status. Pure rules, no I/O.
 *
 *   new ──promote──▶ promoted   (a new incident was opened from it)
 *   new ──merge────▶ merged     (added to an existing incident)
 *   new ──dismiss──▶ dismissed  (with a reason)
 *   promoted | merged ──unmerge──▶ new   (the link to the incident is undone)
 *   dismissed ──reopen──▶ new
 */
import { normaliseTags, TAGS_MAX, TITLE_MAX, type Tlp } from './incident.js';

export const ALERT_STATUSES = ['new', 'promoted', 'merged', 'dismissed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const ALERT_STATUS_LABELS: Record<AlertStatus, string> = {
  new: 'New',
  promoted: 'Promoted',
  merged: 'Merged',
  dismissed: 'Dismissed',
};

export const TRIAGE_ACTIONS = ['promote', 'merge', 'dismiss', 'reopen', 'unmerge'] as const;
export type TriageAction = (typeof TRIAGE_ACTIONS)[number];

const FROM: Record<TriageAction, readonly AlertStatus[]> = {
  promote: ['new'],
  merge: ['new'],
  dismiss: ['new'],
  reopen: ['dismissed'],
  unmerge: ['merged', 'promoted'],
};

const TO: Record<TriageAction, AlertStatus> = {
  promote: 'promoted',
  merge: 'merged',
  dismiss: 'dismissed',
  reopen: 'new',
  unmerge: 'new',
};

/** The status an alert ends in after the action. */
export function statusAfter(action: TriageAction): AlertStatus {
  return TO[action];
}

/** Why the action cannot apply to an alert in this status, in words an analyst understands; null when it can. */
export function triageRefusal(action: TriageAction, status: AlertStatus): string | null {
  if (FROM[action].includes(status)) return null;
  switch (action) {
    case 'promote':
    case 'merge':
    case 'dismiss':
      return status === 'dismissed'
        ? 'it was dismissed; reopen it first'
        : `it is already ${status} into an incident; unmerge it first`;
    case 'reopen':
      return status === 'new' ? 'it is already new' : `it is ${status}, not dismissed; unmerge it instead`;
    case 'unmerge':
      return status === 'new' ? 'it is not linked to an incident' : 'it was dismissed, not merged; reopen it instead';
  }
}

/** At most this many alerts in one bulk triage request (one transaction, one timeline entry). */
export const TRIAGE_BATCH_MAX = 500;
export const DISMISS_REASON_MAX = 500;

/** Reasons offered in the web app; any text of up to 500 characters is accepted. */
export const SUGGESTED_DISMISS_REASONS = ['False positive', 'Benign: expected activity', 'Duplicate of another alert', 'Test alert', 'Out of scope'] as const;

/** Alert ids in a bulk request, in the order given, without repeats. */
export function distinctIds(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** Title for an incident opened from alerts when the analyst gives none: the first alert's, marked when there are more. */
export function promotedIncidentTitle(alertTitles: readonly string[]): string {
  const suffix = alertTitles.length > 1 ? ` (+${alertTitles.length - 1} related alerts)` : '';
  const first = (alertTitles[0] ?? 'Alert').trim() || 'Alert';
  return first.length + suffix.length > TITLE_MAX ? `${first.slice(0, TITLE_MAX - suffix.length - 1)}…${suffix}` : `${first}${suffix}`;
}

/** Severity for an incident opened from alerts when the analyst gives none: the most severe alert's (1 is critical). */
export function promotedIncidentSeverity(alertSeverities: readonly number[]): 1 | 2 | 3 | 4 {
  const worst = Math.min(...alertSeverities.filter((s) => s >= 1 && s <= 4));
  return (Number.isFinite(worst) ? worst : 3) as 1 | 2 | 3 | 4;
}

const TLP_STRICTNESS: readonly Tlp[] = ['clear', 'green', 'amber', 'amber+strict', 'red'];

/** The strictest TLP among the alerts: an incident must not be shared more widely than its sources. */
export function strictestTlp(levels: readonly string[]): Tlp {
  const rank = Math.max(...levels.map((l) => TLP_STRICTNESS.indexOf(l as Tlp)), -1);
  return rank < 0 ? 'amber' : TLP_STRICTNESS[rank]!;
}

/**
 * When an incident opened from alerts was detected (the first alert's first sighting) and occurred
 * (the earliest reported occurrence, dropped when a sender's clock puts it after detection).
 */
export function promotedIncidentTimes(alerts: ReadonlyArray<{ first_seen_at: string; occurred_at: string | null }>): { detected_at: string; occurred_at: string | null } {
  const detected = alerts.map((a) => a.first_seen_at).sort()[0]!;
  const occurred = alerts.map((a) => a.occurred_at).filter((v): v is string => v !== null).sort()[0] ?? null;
  return { detected_at: detected, occurred_at: occurred !== null && occurred <= detected ? occurred : null };
}

/** The alerts' tags, merged without repeats, within the incident's limit. */
export function mergedAlertTags(tagLists: ReadonlyArray<readonly string[]>): string[] {
  return normaliseTags(tagLists.flat()).slice(0, TAGS_MAX);
}

/** Markdown summary of an incident opened from alerts: which alerts, from where. */
export function promotedIncidentSummary(alerts: ReadonlyArray<{ id: string; title: string; source: string; source_ref: string }>): string {
  const lines = alerts.slice(0, 50).map((a) => `- ${escapeMarkdown(a.title)} — ${escapeMarkdown(a.source)} \`${a.source_ref.replace(/`/g, "'")}\` (${a.id})`);
  if (alerts.length > 50) lines.push(`- … and ${alerts.length - 50} more`);
  return `Opened from ${alerts.length === 1 ? 'an alert' : `${alerts.length} alerts`}:\n\n${lines.join('\n')}`;
}

const escapeMarkdown = (text: string) => text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
