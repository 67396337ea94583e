import { BulwarkError, conflict, notFound } from '../../domain/errors.js';
import { distinctIds, statusAfter, triageRefusal, type TriageAction } from '../../domain/triage.js';
import { findIncident } from '../../store/repositories/incidents.js';
import { lockAlerts, updateAlertTriage, type AlertTriageChange } from '../../store/repositories/triage.js';
import { restrictedVisibilityFor } from '../policies/incident-visibility.js';
import type { UnitOfWork } from '../transaction.js';
import { toAlertRecord, type AlertRecord } from './alert-record.js';

/**
 * Locks the alerts of a (bulk) triage request and checks every one of them before anything is
 * written: unknown ids (or alerts linked to a restricted incident the caller may not see) are 404,
 * alerts whose status does not allow the action are 409 naming each alert and why. All or nothing.
 */
export async function loadAlertsForTriage(uow: UnitOfWork, alertIds: readonly string[], action: TriageAction): Promise<AlertRecord[]> {
  const ids = distinctIds(alertIds);
  const rows = await lockAlerts(uow.db, uow.engine, uow.actor.organisationId, ids);
  const byId = new Map(rows.map((row) => [row.id, toAlertRecord(row)]));

  const viewer = restrictedVisibilityFor(uow.actor);
  const hidden = new Set<string>();
  if (viewer !== null) {
    for (const incidentId of new Set(rows.map((r) => r.incident_id).filter((id): id is string => id !== null))) {
      if (!(await findIncident(uow.db, uow.actor.organisationId, incidentId, viewer))) hidden.add(incidentId);
    }
  }
  const missing = ids.filter((id) => {
    const alert = byId.get(id);
    return !alert || (alert.incident_id !== null && hidden.has(alert.incident_id));
  });
  if (missing.length === 1 && ids.length === 1) throw notFound(`Alert ${missing[0]}`);
  if (missing.length) {
    throw new BulwarkError('not_found', `${missing.length} of the ${ids.length} alerts were not found; nothing was changed.`, {
      errors: missing.map((id) => ({ path: `alert_ids.${alertIds.indexOf(id)}`, message: `alert ${id} was not found` })),
    });
  }

  const alerts = ids.map((id) => byId.get(id)!);
  const refusals = alerts.flatMap((alert) => {
    const reason = triageRefusal(action, alert.status);
    return reason ? [{ path: `alert_ids.${alertIds.indexOf(alert.id)}`, message: `${alert.id}: ${reason}` }] : [];
  });
  if (refusals.length) {
    const error = conflict(
      refusals.length === 1 && ids.length === 1 ? `This alert cannot be ${pastTense(action)}: ${refusals[0]!.message.split(': ').slice(1).join(': ')}.` : `${refusals.length} of the ${ids.length} alerts cannot be ${pastTense(action)}; nothing was changed.`,
    );
    error.errors.push(...refusals);
    throw error;
  }
  return alerts;
}

const PAST: Record<TriageAction, string> = { promote: 'promoted', merge: 'merged', dismiss: 'dismissed', reopen: 'reopened', unmerge: 'unmerged' };
const pastTense = (action: TriageAction) => PAST[action];

/**
 * Writes one alert's triage decision with its audit entry and live event. The incident, when given,
 * is the one the alert is (or was) linked to, so the event stays as private as that incident.
 */
export async function recordTriage(
  uow: UnitOfWork,
  alert: AlertRecord,
  action: TriageAction,
  change: Omit<AlertTriageChange, 'status' | 'triaged_at' | 'triaged_by' | 'updated_at'>,
  incident: { id: string; restricted: boolean } | null,
): Promise<AlertRecord> {
  const full: AlertTriageChange = { ...change, status: statusAfter(action), triaged_at: uow.now, triaged_by: uow.actor.userId, updated_at: uow.now };
  // The rows are locked for this transaction; a version that moved anyway means something bypassed the lock.
  if (!(await updateAlertTriage(uow.db, alert.id, alert.version, full))) throw conflict(`Alert ${alert.id} changed while it was being triaged. Reload and try again.`);
  await uow.audit(`alert.${action}`, { type: 'alert', id: alert.id }, { from: alert.status, to: full.status, incident_id: change.incident_id ?? alert.incident_id, ...(change.dismiss_reason ? { reason: change.dismiss_reason } : {}) });
  uow.emit({ type: 'alert.triaged', entity_id: alert.id, version: alert.version + 1, ...(incident ? { incident_id: incident.id, restricted: incident.restricted } : {}) });
  return { ...alert, ...full, status: statusAfter(action), version: alert.version + 1 };
}
