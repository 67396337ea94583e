import { alertLinkDetails } from '../../store/repositories/triage.js';
import { observablesOnAlerts, withdrawIncidentSightings } from '../../store/repositories/triage-observables.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction, type UnitOfWork } from '../transaction.js';
import type { AlertRecord } from './alert-record.js';
import { loadAlertsForTriage, recordTriage } from './load-alerts-for-triage.js';

/** A link entry is written by triage (each alert with what came along) or by an attach rule at ingest (everything came along). */
interface LinkDetails {
  alerts?: Array<{ id?: string; observable_ids?: string[] }>;
  alert_ids?: string[];
}

/** The observables the alert's latest merge brought to the incident. */
async function carriedBy(uow: UnitOfWork, incidentId: string, alertId: string): Promise<string[]> {
  for (const details of (await alertLinkDetails(uow.db, incidentId)) as LinkDetails[]) {
    const chosen = details.alerts?.find((linked) => linked.id === alertId);
    if (chosen) return chosen.observable_ids ?? [];
    if (details.alert_ids?.includes(alertId)) return (await observablesOnAlerts(uow.db, uow.actor.organisationId, [alertId])).map((o) => o.observable_id);
  }
  return [];
}

/**
 * Undoes a merge (or a promotion): the alert is new again and detached from its incident, and the
 * observables that came along with it are withdrawn from the incident unless someone else also put
 * them there. The incident itself, and its timeline, stay: the timeline records the undo.
 */
export async function unmergeAlert(ctx: ServiceContext, alertId: string): Promise<AlertRecord> {
  authorize(ctx.actor, 'alert.triage');
  return runInTransaction(ctx, async (uow) => {
    const [alert] = await loadAlertsForTriage(uow, [alertId], 'unmerge');
    const incident = await loadIncidentForChange(uow, alert!.incident_id!);
    const carried = await carriedBy(uow, incident.id, alert!.id);
    const removed = await withdrawIncidentSightings(uow.db, uow.actor.organisationId, incident.id, carried, uow.now);
    const result = await recordTriage(uow, alert!, 'unmerge', { incident_id: null, dismiss_reason: null }, incident);
    await recordTimelineEntry(uow, incident, {
      kind: 'alert_unmerged',
      body: `Unmerged alert “${alert!.title}”${removed ? `; ${removed} observable${removed === 1 ? '' : 's'} it brought were withdrawn` : ''}`,
      details: { alert_id: alert!.id, observable_ids: carried, sightings_removed: removed },
    });
    return result;
  });
}
