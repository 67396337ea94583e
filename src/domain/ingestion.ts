/**
 * Alert ingestion: the limits a sender must respect and TheHive's alert vocabulary mapped onto ours.
 * Pure rules, no I/O.
 */
import type { Tlp } from './incident.js';

/** At most this many alerts in one POST /api/v1/alerts/batch (one transaction). */
export const BATCH_MAX = 10_000;
/** Largest batch request body, in bytes (10,000 alerts of about 3 KB each). */
export const BATCH_BODY_LIMIT = 32 * 1024 * 1024;
export const OBSERVABLES_PER_ALERT_MAX = 200;
export const SOURCE_MAX = 200;
export const SOURCE_REF_MAX = 500;
export const ALERT_TYPE_MAX = 200;
export const ALERT_DESCRIPTION_MAX = 100_000;
/** raw is kept as the sender sent it; its JSON text is capped so one alert cannot fill the database. */
export const RAW_MAX_BYTES = 256 * 1024;

export const PAP_LEVELS = ['clear', 'green', 'amber', 'red'] as const;
export type Pap = (typeof PAP_LEVELS)[number];

export type AlertSeverity = 1 | 2 | 3 | 4;

/**
 * TheHive counts severity upwards (1 low … 4 critical); Bulwark, like its incidents, downwards
 * (1 critical … 4 low). The scale is inverted on the way in and on the way out.
 */
export function severityFromTheHive(severity: number): AlertSeverity {
  return (5 - Math.min(4, Math.max(1, Math.round(severity)))) as AlertSeverity;
}

export const severityToTheHive = (severity: number): number => 5 - severity;

const THEHIVE_TLP: readonly Tlp[] = ['clear', 'green', 'amber', 'red', 'amber+strict'];
const THEHIVE_PAP: readonly Pap[] = ['clear', 'green', 'amber', 'red'];

/** TheHive tlp 0 white (TLP 2.0: clear), 1 green, 2 amber, 3 red, 4 amber+strict. */
export function tlpFromTheHive(tlp: number): Tlp {
  return THEHIVE_TLP[tlp] ?? 'amber';
}

export const tlpToTheHive = (tlp: string): number => Math.max(0, THEHIVE_TLP.indexOf(tlp as Tlp));

/** TheHive pap 0 white (clear), 1 green, 2 amber, 3 red. */
export function papFromTheHive(pap: number): Pap {
  return THEHIVE_PAP[pap] ?? 'amber';
}

export const papToTheHive = (pap: string): number => Math.max(0, THEHIVE_PAP.indexOf(pap as Pap));

/** Epoch milliseconds (TheHive's `date`) as an instant; null when absent or out of range. */
export function instantFromEpochMs(ms: number | undefined | null): string | null {
  if (ms === undefined || ms === null || !Number.isFinite(ms)) return null;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** How one alert of a request ended. */
export const INGEST_OUTCOMES = ['created', 'repeated', 'deduplicated', 'attached', 'snoozed', 'rejected'] as const;
export type IngestOutcome = (typeof INGEST_OUTCOMES)[number];

export const INGEST_OUTCOME_MEANINGS: Record<IngestOutcome, string> = {
  created: 'stored as a new alert',
  repeated: 'the same source and source_ref was stored before: its last_seen_at and repeat_count moved',
  deduplicated: 'a fingerprint rule folded it into an open alert seen within the rule\'s window',
  attached: 'stored and attached to an open incident by an attach rule',
  snoozed: 'dropped by a snooze rule (counted on the rule)',
  rejected: 'not stored: see errors',
};

/** Alert-ingestion requests a minute per caller unless BULWARK_INGEST_RATE_LIMIT says otherwise (a batch is one request). */
export const DEFAULT_INGEST_RATE_LIMIT = 12_000;
