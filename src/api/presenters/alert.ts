import type { AlertRecord, AlertSummary } from '../../services/triage/alert-record.js';

/** The public shape of an alert (or a queue row): the record without its tenancy column. */
export function presentAlert<T extends AlertSummary | AlertRecord>(alert: T): Omit<T, 'organisation_id'> {
  const { organisation_id: _organisation, ...visible } = alert;
  return visible;
}
