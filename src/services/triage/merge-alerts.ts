import { conflict } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import type { AlertRecord } from './alert-record.js';
import { linkAlertsToIncident } from './link-alerts-to-incident.js';
import { loadAlertsForTriage } from './load-alerts-for-triage.js';

export interface MergeAlertsInput {
  alert_ids: string[];
  incident_id: string;
  /** Which of the alerts' observables come along; all when absent. */
  observable_ids?: string[] | undefined;
}

/** Adds new alerts to an existing, open incident the caller can see. Undone per alert by unmerge. */
export async function mergeAlerts(ctx: ServiceContext, input: MergeAlertsInput): Promise<{ incident_id: string; alerts: AlertRecord[] }> {
  authorize(ctx.actor, 'alert.triage');
  return runInTransaction(ctx, async (uow) => {
    const incident = await loadIncidentForChange(uow, input.incident_id);
    if (incident.phase === 'closed') throw conflict(`${incident.number} is closed. Reopen it by moving it back to a phase, or merge into another incident.`);
    const alerts = await loadAlertsForTriage(uow, input.alert_ids, 'merge');
    return { incident_id: incident.id, alerts: await linkAlertsToIncident(uow, alerts, incident, 'merge', input.observable_ids) };
  });
}
