import type { IncidentRecord } from '../incidents/incident-record.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import type { UnitOfWork } from '../transaction.js';
import type { AlertRecord } from './alert-record.js';
import { carryObservables } from './carry-observables.js';
import { recordTriage } from './load-alerts-for-triage.js';

/**
 * The common half of promote and merge: the alerts point at the incident, their observables (all, or
 * the chosen ones) are sighted on it, and its timeline says which alerts and observables arrived.
 */
export async function linkAlertsToIncident(
  uow: UnitOfWork,
  alerts: AlertRecord[],
  incident: IncidentRecord,
  action: 'promote' | 'merge',
  observableIds?: string[],
): Promise<AlertRecord[]> {
  const carried = await carryObservables(uow, alerts, incident.id, observableIds);
  const linked: AlertRecord[] = [];
  for (const alert of alerts) linked.push(await recordTriage(uow, alert, action, { incident_id: incident.id, dismiss_reason: null }, incident));
  const observableCount = new Set(Object.values(carried).flat()).size;
  const what = alerts.length === 1 ? `alert “${alerts[0]!.title}”` : `${alerts.length} alerts`;
  await recordTimelineEntry(uow, incident, {
    kind: 'alerts_merged',
    body: `${action === 'promote' ? 'Opened from' : 'Merged'} ${what}${observableCount ? `, with ${observableCount} observable${observableCount === 1 ? '' : 's'}` : ''}`,
    details: {
      action,
      alerts: alerts.map((a) => ({ id: a.id, title: a.title, source: a.source, source_ref: a.source_ref, severity: a.severity, observable_ids: carried[a.id] ?? [] })),
    },
  });
  return linked;
}
