import { stale } from '../../domain/errors.js';
import { normaliseTags, type Tlp } from '../../domain/incident.js';
import { sightingsOfSubject, updateSighting } from '../../store/repositories/observables.js';
import type { SightingRow } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';
import { loadIncidentSightingForChange } from './load-incident-sighting.js';
import { toSightingRecord, type SightingRecord } from './observable-record.js';
import { sightingViewerFor } from './sighting-viewer.js';

export interface SightingChanges {
  ioc?: boolean | undefined;
  sighted?: boolean | undefined;
  tlp?: Tlp | undefined;
  tags?: string[] | undefined;
  note?: string | undefined;
}

type Field = keyof SightingChanges;

/** Changes an observable's flags, TLP, tags or note on one incident, at the version the editor saw. */
export async function updateIncidentObservable(ctx: ServiceContext, incidentId: string, sightingId: string, expectedVersion: number, changes: SightingChanges): Promise<SightingRecord> {
  authorize(ctx.actor, 'observable.write');
  return runInTransaction(ctx, async (uow) => {
    const { incident, sighting } = await loadIncidentSightingForChange(uow, incidentId, sightingId);
    const before = toSightingRecord(sighting);
    if (expectedVersion !== before.version) throw stale(before.version);
    const next: SightingChanges = { ...changes, ...(changes.tags ? { tags: normaliseTags(changes.tags) } : {}) };
    const changed = (Object.keys(next) as Field[]).filter((f) => next[f] !== undefined && JSON.stringify(next[f]) !== JSON.stringify(before[f]));
    const reload = async () => (await sightingsOfSubject(uow.db, 'incident', incident.id, sightingViewerFor(uow.actor))).find((s) => s.id === sightingId)!;
    if (changed.length === 0) return toSightingRecord(await reload());

    const columns: Partial<SightingRow> = { updated_at: uow.now };
    for (const field of changed) (columns as Record<string, unknown>)[field] = field === 'tags' ? JSON.stringify(next.tags) : next[field];
    if (!(await updateSighting(uow.db, sighting.id, before.version, columns))) throw stale(before.version + 1);

    const diff = Object.fromEntries(changed.map((f) => [f, { from: f === 'note' ? { length: before.note.length } : before[f], to: f === 'note' ? { length: next.note!.length } : next[f] }]));
    const label = `${before.observable.type} ${before.observable.value}`;
    await recordTimelineEntry(uow, incident, { kind: 'observable_updated', body: `Observable ${label}: ${describe(changed, next)}`, details: { sighting_id: sighting.id, observable_id: before.observable.id, changes: diff } });
    await uow.audit('observable.update_on_incident', { type: 'sighting', id: sighting.id }, { incident_id: incident.id, observable_id: before.observable.id, version: before.version + 1, changes: diff });
    uow.emit({ type: 'observable.updated', incident_id: incident.id, restricted: incident.restricted, entity_id: before.observable.id, version: before.version + 1 });
    return toSightingRecord(await reload());
  });
}

function describe(changed: Field[], next: SightingChanges): string {
  const words: Record<Field, () => string> = {
    ioc: () => (next.ioc ? 'marked as IOC' : 'no longer an IOC'),
    sighted: () => (next.sighted ? 'marked as sighted' : 'no longer sighted'),
    tlp: () => `TLP:${String(next.tlp).toUpperCase()}`,
    tags: () => 'tags changed',
    note: () => 'note edited',
  };
  return changed.map((f) => words[f]()).join(', ');
}
