import type { Severity } from '../../api/types';

/** Alert shapes of the REST API (GET /api/v1/alerts …), kept by hand like api/types.ts. */
export type AlertStatus = 'new' | 'promoted' | 'merged' | 'dismissed';

export interface IncidentLabel {
  id: string;
  number: string;
  title: string;
}

export interface AlertSummary {
  id: string;
  source: string;
  source_ref: string;
  type: string;
  title: string;
  severity: Severity;
  occurred_at: string | null;
  tags: string[];
  tlp: string;
  pap: string;
  status: AlertStatus;
  group_id: string | null;
  incident_id: string | null;
  dismiss_reason: string | null;
  triaged_at: string | null;
  triaged_by: string | null;
  repeat_count: number;
  first_seen_at: string;
  last_seen_at: string;
  version: number;
}

export interface AlertListItem extends AlertSummary {
  group: { id: string; title: string; alert_count: number } | null;
  incident: IncidentLabel | null;
}

export interface AlertGroup {
  id: string;
  title: string;
  reason: unknown;
  alert_count: number;
  first_seen_at: string;
  last_seen_at: string;
}

export interface AlertObservable {
  observable_id: string;
  type: string;
  value: string;
  ioc: boolean;
  sighted: boolean;
  tlp: string;
  tags: string[];
  note: string;
  count: number;
  ignore_similarity: boolean;
  seen: { sighting_count: number; first_seen_at: string; last_seen_at: string; incidents: Array<IncidentLabel & { phase: string }> };
}

export interface AlertDetail extends AlertSummary {
  description: string;
  raw: unknown;
  group: AlertGroup | null;
  incident: IncidentLabel | null;
  observables: AlertObservable[];
}

export const STATUS_LABELS: Record<AlertStatus, string> = { new: 'New', promoted: 'Promoted', merged: 'Merged', dismissed: 'Dismissed' };

/** Offered when dismissing; any reason may be typed instead. */
export const DISMISS_REASONS = ['False positive', 'Benign: expected activity', 'Duplicate of another alert', 'Test alert', 'Out of scope'];
