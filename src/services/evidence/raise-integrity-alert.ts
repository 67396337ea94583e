import { newId } from '../../domain/ids.js';
import type { DatabaseHandle } from '../../store/database.js';
import { writeJson } from '../../store/dialect.js';
import { insertAlerts, type NewAlertRow } from '../../store/repositories/alert-ingest.js';
import type { EvidenceItemRow } from '../../store/schema.js';
import type { IncidentRecord } from '../incidents/incident-record.js';
import { toAlertRecord } from '../triage/alert-record.js';
import { linkAlertsToIncident } from '../triage/link-alerts-to-incident.js';
import type { UnitOfWork } from '../transaction.js';

export const INTEGRITY_ALERT_SOURCE = 'bulwark';
export const INTEGRITY_ALERT_TYPE = 'evidence-integrity';
/** Severity 2 (high) on the 1 (critical) … 4 (low) scale. */
const HIGH = 2;

export interface IntegrityFailure {
  status: 'mismatch' | 'missing';
  expected_sha256: string;
  actual_sha256: string | null;
  custody_event_id: string;
}

/**
 * An alert on the incident saying the item failed its integrity check, stored as an alert from the source
 * `bulwark` and merged into the incident in the same transaction, so it shows in the alert queue's history
 * and on the incident like any other alert merged there.
 */
export async function raiseIntegrityAlert(uow: UnitOfWork, handle: DatabaseHandle, item: EvidenceItemRow, incident: IncidentRecord, failure: IntegrityFailure): Promise<string> {
  const what = failure.status === 'missing' ? 'the stored file is missing' : `the stored file's SHA-256 is ${failure.actual_sha256}, not the recorded ${failure.expected_sha256}`;
  const details = { evidence_id: item.id, evidence_number: item.number, status: failure.status, expected_sha256: failure.expected_sha256, actual_sha256: failure.actual_sha256, custody_event_id: failure.custody_event_id };
  const row: NewAlertRow = {
    id: newId('alert'),
    organisation_id: item.organisation_id,
    source: INTEGRITY_ALERT_SOURCE,
    source_ref: `evidence-integrity/${item.id}/${failure.custody_event_id}`,
    type: INTEGRITY_ALERT_TYPE,
    title: `Evidence ${item.number} failed its integrity check`,
    description: `Evidence ${item.number} (“${item.title}”) failed its integrity check at ${uow.now}: ${what}. Treat the item as possibly tampered with; see its chain of custody.`,
    severity: HIGH,
    occurred_at: uow.now,
    tags: writeJson(['evidence', 'integrity']),
    tlp: item.tlp,
    pap: 'amber',
    status: 'new',
    fingerprint: null,
    correlation_key: null,
    group_id: null,
    incident_id: null,
    dismiss_reason: null,
    triaged_at: null,
    triaged_by: null,
    repeat_count: 1,
    first_seen_at: uow.now,
    last_seen_at: uow.now,
    raw: writeJson(details),
    created_at: uow.now,
    updated_at: uow.now,
    version: 1,
  };
  await insertAlerts(uow.db, handle, [row]);
  await uow.audit('alert.created', { type: 'alert', id: row.id }, { source: row.source, type: row.type, ...details });
  uow.emit({ type: 'alert.created', entity_id: row.id, incident_id: incident.id, restricted: incident.restricted });
  const [alert] = await linkAlertsToIncident(uow, [toAlertRecord({ ...row, tags: ['evidence', 'integrity'], raw: details })], incident, 'merge');
  return alert!.id;
}
