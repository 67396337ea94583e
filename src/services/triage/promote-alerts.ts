import { mergedAlertTags, promotedIncidentSeverity, promotedIncidentSummary, promotedIncidentTimes, promotedIncidentTitle, strictestTlp } from '../../domain/triage.js';
import type { ServiceContext } from '../context.js';
import { openIncident, type CreateIncidentInput } from '../incidents/create-incident.js';
import type { IncidentRecord } from '../incidents/incident-record.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import type { AlertRecord } from './alert-record.js';
import { linkAlertsToIncident } from './link-alerts-to-incident.js';
import { loadAlertsForTriage } from './load-alerts-for-triage.js';

export interface PromoteAlertsInput {
  alert_ids: string[];
  /** Which of the alerts' observables come along; all when absent. */
  observable_ids?: string[] | undefined;
  /** What the analyst decided about the new incident; the rest is taken from the alerts. */
  incident: Omit<CreateIncidentInput, 'title' | 'detected_at' | 'occurred_at'> & { title?: string | undefined };
}

/**
 * Opens a new incident from new alerts in one transaction: title, severity, TLP, tags and detection
 * time default to what the alerts say (the most severe, the strictest, the earliest).
 */
export async function promoteAlerts(ctx: ServiceContext, input: PromoteAlertsInput): Promise<{ incident: IncidentRecord; alerts: AlertRecord[] }> {
  authorize(ctx.actor, 'alert.triage');
  authorize(ctx.actor, 'incident.create');
  return runInTransaction(ctx, async (uow) => {
    const alerts = await loadAlertsForTriage(uow, input.alert_ids, 'promote');
    const given = input.incident;
    const incident = await openIncident(uow, {
      ...given,
      title: given.title?.trim() || promotedIncidentTitle(alerts.map((a) => a.title)),
      summary: given.summary ?? promotedIncidentSummary(alerts),
      severity: given.severity ?? promotedIncidentSeverity(alerts.map((a) => a.severity)),
      tlp: given.tlp ?? strictestTlp(alerts.map((a) => a.tlp)),
      tags: given.tags ?? mergedAlertTags(alerts.map((a) => a.tags)),
      ...promotedIncidentTimes(alerts),
    });
    return { incident, alerts: await linkAlertsToIncident(uow, alerts, incident, 'promote', input.observable_ids) };
  });
}
