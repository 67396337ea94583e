import { invalid } from '../../domain/errors.js';
import type { ObservableType } from '../../domain/observables.js';
import { readBool, readJson } from '../../store/dialect.js';
import { upsertObservablesAndSightings } from '../../store/repositories/observable-upsert.js';
import { observablesOnAlerts } from '../../store/repositories/triage-observables.js';
import type { UnitOfWork } from '../transaction.js';
import type { AlertRecord } from './alert-record.js';

/** Per alert, the observables that came along onto the incident (recorded on the timeline, so an unmerge can withdraw exactly those). */
export type CarriedObservables = Record<string, string[]>;

/**
 * Sights the alerts' observables on the incident, with each alert's flags (IOC, sighted, TLP, tags,
 * note). `only` restricts it to the observables the analyst chose; naming one that is on none of the
 * alerts is a mistake worth telling.
 */
export async function carryObservables(uow: UnitOfWork, alerts: AlertRecord[], incidentId: string, only?: string[]): Promise<CarriedObservables> {
  const rows = await observablesOnAlerts(uow.db, uow.actor.organisationId, alerts.map((a) => a.id));
  if (only) {
    const present = new Set(rows.map((r) => r.observable_id));
    const unknown = only.flatMap((id, index) => (present.has(id) ? [] : [{ path: `observable_ids.${index}`, message: `${id} is not an observable of these alerts` }]));
    if (unknown.length) throw invalid('Only observables of the chosen alerts can come along.', unknown);
  }
  const chosen = only ? rows.filter((r) => only.includes(r.observable_id)) : rows;
  await upsertObservablesAndSightings(
    uow.db,
    uow.actor.organisationId,
    uow.actor.userId,
    uow.now,
    chosen.map((r) => ({
      type: r.type as ObservableType,
      value: r.value,
      subject_type: 'incident',
      subject_id: incidentId,
      ioc: readBool(r.ioc),
      sighted: readBool(r.sighted),
      tlp: r.tlp,
      tags: readJson<string[]>(r.tags),
      note: r.note,
      seen_at: uow.now,
    })),
  );
  const carried: CarriedObservables = Object.fromEntries(alerts.map((a) => [a.id, [] as string[]]));
  for (const r of chosen) carried[r.alert_id]!.push(r.observable_id);
  return carried;
}
