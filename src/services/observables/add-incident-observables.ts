import { invalid, type FieldProblem } from '../../domain/errors.js';
import { normaliseTags, type Tlp } from '../../domain/incident.js';
import { normaliseObservable, type ObservableType } from '../../domain/observables.js';
import { sightingsOfSubject, upsertObservablesAndSightings, type SightingUpsert } from '../../store/repositories/observables.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';
import { toSightingRecord, type SightingRecord } from './observable-record.js';
import { sightingViewerFor } from './sighting-viewer.js';

export const OBSERVABLES_PER_REQUEST_MAX = 1000;

export interface NewObservable {
  type: ObservableType;
  value: string;
  ioc?: boolean | undefined;
  sighted?: boolean | undefined;
  tlp?: Tlp | undefined;
  tags?: string[] | undefined;
  note?: string | undefined;
}

/**
 * Adds observables to an incident. Every value is validated first and the request is refused whole,
 * with the reason per item, if any is malformed. One already on the incident is seen again: its count
 * rises and its IOC / sighted flags are kept or raised, never lowered.
 */
export async function addIncidentObservables(ctx: ServiceContext, incidentId: string, items: NewObservable[]): Promise<SightingRecord[]> {
  authorize(ctx.actor, 'observable.write');
  const problems: FieldProblem[] = [];
  const normalised = items.map((item, index) => {
    const result = normaliseObservable(item.type, item.value);
    if (!result.ok) problems.push({ path: `observables.${index}.value`, message: result.reason });
    return result;
  });
  if (problems.length) throw invalid(`${problems.length} of ${items.length} observables are malformed; nothing was added.`, problems);

  return runInTransaction(ctx, async (uow) => {
    const incident = await loadIncidentForChange(uow, incidentId);
    const upserts: SightingUpsert[] = items.map((item, index) => {
      const { type, value } = normalised[index] as { type: ObservableType; value: string };
      return {
        type, value, subject_type: 'incident', subject_id: incident.id, ioc: item.ioc ?? false, sighted: item.sighted ?? false,
        tlp: item.tlp ?? incident.tlp, tags: normaliseTags(item.tags ?? []), note: item.note ?? '', seen_at: uow.now,
      };
    });
    const observableIds = await upsertObservablesAndSightings(uow.db, incident.organisation_id, uow.actor.userId, uow.now, upserts, { sqlite: ctx.database.sqlite });
    const added = upserts.map((u, i) => ({ observable_id: observableIds[i], type: u.type, value: u.value, ioc: u.ioc }));
    const shown = added.slice(0, 5).map((a) => `${a.type} ${a.value}`).join(', ');
    const body = `Observables added: ${shown}${added.length > 5 ? ` and ${added.length - 5} more` : ''}`;
    await recordTimelineEntry(uow, incident, { kind: 'observables_added', body, details: { observables: added } });
    await uow.audit('observable.add', { type: 'incident', id: incident.id }, { observables: added });
    for (const id of new Set(observableIds)) uow.emit({ type: 'observable.updated', incident_id: incident.id, restricted: incident.restricted, entity_id: id });
    const wanted = new Set(observableIds);
    const rows = await sightingsOfSubject(uow.db, 'incident', incident.id, sightingViewerFor(uow.actor));
    return rows.filter((row) => wanted.has(row.observable_id)).map(toSightingRecord);
  });
}
