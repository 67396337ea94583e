import type { Tlp } from '../../domain/incident.js';
import type { AlertStatus } from '../../domain/triage.js';
import { readJson } from '../../store/dialect.js';
import type { AlertSummaryRow } from '../../store/repositories/triage.js';
import type { AlertGroupRow, AlertRow } from '../../store/schema.js';

/** An alert as services hand it out: typed, tags and raw JSON parsed. */
export interface AlertRecord {
  id: string;
  organisation_id: string;
  source: string;
  source_ref: string;
  type: string;
  title: string;
  description: string;
  severity: 1 | 2 | 3 | 4;
  occurred_at: string | null;
  tags: string[];
  tlp: Tlp;
  pap: string;
  status: AlertStatus;
  fingerprint: string | null;
  group_id: string | null;
  incident_id: string | null;
  dismiss_reason: string | null;
  triaged_at: string | null;
  triaged_by: string | null;
  repeat_count: number;
  first_seen_at: string;
  last_seen_at: string;
  raw: unknown;
  created_at: string;
  updated_at: string;
  version: number;
}

/** An alert in the triage queue: the record without its description and raw JSON. */
export type AlertSummary = Omit<AlertRecord, 'description' | 'raw'>;

export function toAlertSummary(row: AlertSummaryRow): AlertSummary {
  return {
    ...row,
    severity: Number(row.severity) as AlertRecord['severity'],
    tags: readJson<string[]>(row.tags),
    tlp: row.tlp as Tlp,
    status: row.status as AlertStatus,
    repeat_count: Number(row.repeat_count),
    version: Number(row.version),
  };
}

export function toAlertRecord(row: AlertRow): AlertRecord {
  return {
    ...toAlertSummary(row),
    description: row.description,
    raw: row.raw === null ? null : readJson<unknown>(row.raw),
  };
}

export interface AlertGroupRecord {
  id: string;
  title: string;
  /** Why the alerts were grouped (shared observables, a rule's fields), as ingestion recorded it. */
  reason: unknown;
  alert_count: number;
  first_seen_at: string;
  last_seen_at: string;
}

export function toAlertGroupRecord(row: AlertGroupRow): AlertGroupRecord {
  return {
    id: row.id,
    title: row.title,
    reason: readJson<unknown>(row.reason),
    alert_count: Number(row.alert_count),
    first_seen_at: row.first_seen_at,
    last_seen_at: row.last_seen_at,
  };
}
