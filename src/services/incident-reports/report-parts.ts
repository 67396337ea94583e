import { inZone, isValidTimeZone } from '../../domain/clocks.js';
import { ENGAGEMENT_STATUS_LABELS } from '../../domain/engagements.js';
import { CATEGORY_LABELS, SEVERITY_LABELS, type BuiltinCategory, type Severity } from '../../domain/incident.js';
import { PHASE_LABELS } from '../../domain/lifecycle.js';
import { THIRD_PARTY_KIND_LABELS } from '../../domain/plan.js';
import { formatInstant } from '../review-report/report-document.js';
import type { IncidentReportData } from './load-incident-report.js';

/**
 * Words shared by the incident reports. A gap is never filled with a guess: it is marked
 * "[To be completed: …]" so the person who signs the report sees what is missing.
 */
export const toBeCompleted = (what: string): string => `[To be completed: ${what}]`;
export const GAP_PATTERN = /\[To be completed: [^\]]*\]/g;

export const words = (key: string): string => key.replace(/_/g, ' ');
export const orGap = (value: string | null | undefined, what: string): string => (value && value.trim() ? value.trim() : toBeCompleted(what));
export const formatCount = (n: number | null | undefined): string | null => (typeof n === 'number' && Number.isFinite(n) ? `approximately ${n.toLocaleString('en')}` : null);

/** "2026-11-23 08:15 UTC (09:15 Europe/Berlin)": UTC for the record, the organisation's wall time for people. */
export function instantWithZone(at: string | null | undefined, timeZone: string): string {
  if (!at) return '-';
  if (timeZone === 'UTC' || !isValidTimeZone(timeZone)) return formatInstant(at);
  const local = inZone(at, timeZone);
  return `${formatInstant(at)} (${local.slice(0, 10)} ${local.slice(11, 16)} ${timeZone})`;
}

/** Cuts long text at a word boundary; one-pagers must stay one page whatever people typed. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

export const severityText = (data: IncidentReportData): string => `${data.incident.severity} (${SEVERITY_LABELS[data.incident.severity as Severity] ?? data.incident.severity})`;
export const phaseText = (data: IncidentReportData): string => PHASE_LABELS[data.incident.phase] ?? words(data.incident.phase);
export const categoryText = (data: IncidentReportData): string => CATEGORY_LABELS[data.incident.category as BuiltinCategory] ?? words(data.incident.category);
export const partyKindText = (kind: string): string => THIRD_PARTY_KIND_LABELS[kind as keyof typeof THIRD_PARTY_KIND_LABELS] ?? words(kind);
export const engagementStatusText = (status: string): string => ENGAGEMENT_STATUS_LABELS[status as keyof typeof ENGAGEMENT_STATUS_LABELS] ?? words(status);

/** Obligations still to act on, soonest deadline first. */
export const openObligations = (data: IncidentReportData) => data.obligations.filter((o) => o.status === 'pending' || o.status === 'drafted' || o.status === 'late');

/** The nearest deadline still open, in words. */
export function nextDeadlineText(data: IncidentReportData): string {
  const next = openObligations(data).find((o) => o.deadline);
  if (!next) return 'No open notification deadline';
  return `${words(next.regime).toUpperCase()} ${words(next.stage)} to ${next.recipient}: ${instantWithZone(next.deadline, data.organisation.timezone)}`;
}

export function nextUpdateText(data: IncidentReportData): string {
  if (!data.next_update) return 'No status-update cadence for this severity in the plan';
  return `${instantWithZone(data.next_update.at, data.organisation.timezone)} (to ${words(data.next_update.audience)})`;
}

/** From detection until now, or until closing. */
export function elapsedMs(data: IncidentReportData): number {
  return Date.parse(data.incident.closed_at ?? data.generated_at) - Date.parse(data.incident.detected_at);
}
