import { notFound } from '../../domain/errors.js';
import { readBool, readJson } from '../../store/dialect.js';
import { findAlert, findAlertGroup, findIncidentLabels } from '../../store/repositories/triage.js';
import { incidentsSightingObservables, observablesOnAlerts } from '../../store/repositories/triage-observables.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { restrictedVisibilityFor } from '../policies/incident-visibility.js';
import { toAlertGroupRecord, toAlertRecord, type AlertGroupRecord, type AlertRecord } from './alert-record.js';
import type { IncidentLabel } from './list-alerts.js';

export interface AlertObservable {
  observable_id: string;
  type: string;
  value: string;
  ioc: boolean;
  sighted: boolean;
  tlp: string;
  tags: string[];
  note: string;
  /** Times this alert carried it (repeats of the alert add up). */
  count: number;
  ignore_similarity: boolean;
  /** Seen before: everywhere the observable was sighted, and the incidents the viewer may see among them. */
  seen: { sighting_count: number; first_seen_at: string; last_seen_at: string; incidents: Array<IncidentLabel & { phase: string }> };
}

export interface AlertDetail {
  alert: AlertRecord;
  group: AlertGroupRecord | null;
  incident: IncidentLabel | null;
  observables: AlertObservable[];
}

/** One alert with its raw JSON, its observables and where else they were seen, its group and its incident. */
export async function getAlert(ctx: ServiceContext, id: string): Promise<AlertDetail> {
  authorize(ctx.actor, 'alert.read');
  const { db, engine } = ctx.database;
  const organisationId = ctx.actor.organisationId;
  const viewer = restrictedVisibilityFor(ctx.actor);
  const row = await findAlert(db, engine, organisationId, id, viewer);
  if (!row) throw notFound(`Alert ${id}`);
  const alert = toAlertRecord(row);
  const [group, incidents, sightings] = await Promise.all([
    alert.group_id ? findAlertGroup(db, organisationId, alert.group_id) : undefined,
    findIncidentLabels(db, organisationId, alert.incident_id ? [alert.incident_id] : []),
    observablesOnAlerts(db, organisationId, [alert.id]),
  ]);
  const seenOn = await incidentsSightingObservables(db, engine, organisationId, sightings.map((s) => s.observable_id), viewer);
  const observables = sightings.map((s): AlertObservable => ({
    observable_id: s.observable_id,
    type: s.type,
    value: s.value,
    ioc: readBool(s.ioc),
    sighted: readBool(s.sighted),
    tlp: s.tlp,
    tags: readJson<string[]>(s.tags),
    note: s.note,
    count: Number(s.count),
    ignore_similarity: readBool(s.ignore_similarity),
    seen: {
      sighting_count: Number(s.sighting_count),
      first_seen_at: s.first_seen_at,
      last_seen_at: s.last_seen_at,
      incidents: seenOn.filter((i) => i.observable_id === s.observable_id).map(({ id: incidentId, number, title, phase }) => ({ id: incidentId, number, title, phase })),
    },
  }));
  return { alert, group: group ? toAlertGroupRecord(group) : null, incident: incidents[0] ?? null, observables };
}
