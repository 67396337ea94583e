import { BulwarkError } from '../../domain/errors.js';
import { normaliseTags } from '../../domain/incident.js';
import { readStixBundle, type StixObservable, type StixSkip } from '../../domain/stix-import.js';
import { upsertObservablesAndSightings, type SightingUpsert } from '../../store/repositories/observables.js';
import { observableIdsByValue, registerObservables } from '../../store/repositories/stix.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';

export const STIX_OBSERVABLES_MAX = 10_000;

export interface StixImportResult {
  incident_id: string | null;
  objects: number;
  observables: Array<StixObservable & { observable_id: string }>;
  skipped: StixSkip[];
}

/**
 * Imports a STIX 2.x bundle's observables. With an incident they become its observables (IOCs from
 * indicators flagged, sighted ones marked, TLP from the markings or else the incident's); without
 * one they become known organisation-wide, so "seen before" lookups find them. All or nothing.
 */
export async function importStix(ctx: ServiceContext, bundle: unknown, options: { incident_id?: string | undefined }): Promise<StixImportResult> {
  authorize(ctx.actor, 'intel.import');
  const plan = readStixBundle(bundle);
  if (plan.observables.length > STIX_OBSERVABLES_MAX) {
    throw new BulwarkError('payload_too_large', `The bundle holds ${plan.observables.length} observables; at most ${STIX_OBSERVABLES_MAX} are imported per request. Split the bundle.`);
  }
  return runInTransaction(ctx, async (uow) => {
    const organisationId = uow.actor.organisationId;
    let ids: string[];
    let incidentId: string | null = null;
    if (options.incident_id !== undefined) {
      const incident = await loadIncidentForChange(uow, options.incident_id);
      incidentId = incident.id;
      const upserts: SightingUpsert[] = plan.observables.map((o) => ({
        type: o.type, value: o.value, subject_type: 'incident', subject_id: incident.id, ioc: o.ioc, sighted: o.sighted,
        tlp: o.tlp ?? incident.tlp, tags: normaliseTags(['stix']), note: o.note, seen_at: uow.now,
      }));
      ids = await upsertObservablesAndSightings(uow.db, organisationId, uow.actor.userId, uow.now, upserts, { sqlite: ctx.database.sqlite });
      if (upserts.length) {
        const iocs = plan.observables.filter((o) => o.ioc).length;
        await recordTimelineEntry(uow, incident, {
          kind: 'observables_added',
          body: `Imported ${upserts.length} observables (${iocs} IOCs) from a STIX bundle`,
          details: { source: 'stix', observables: plan.observables.slice(0, 50).map((o, i) => ({ observable_id: ids[i], type: o.type, value: o.value, ioc: o.ioc })), count: upserts.length },
        });
      }
      for (const id of new Set(ids)) uow.emit({ type: 'observable.updated', incident_id: incident.id, restricted: incident.restricted, entity_id: id });
    } else {
      await registerObservables(uow.db, organisationId, uow.now, plan.observables);
      const byValue = await observableIdsByValue(uow.db, organisationId, plan.observables);
      ids = plan.observables.map((o) => byValue.get(`${o.type}\u0000${o.value}`)!);
      for (const id of new Set(ids)) uow.emit({ type: 'observable.updated', entity_id: id });
    }
    await uow.audit('stix.import', incidentId ? { type: 'incident', id: incidentId } : { type: 'organisation', id: organisationId }, {
      objects: plan.objects, observables: plan.observables.length, iocs: plan.observables.filter((o) => o.ioc).length, skipped: plan.skipped.length,
    });
    return { incident_id: incidentId, objects: plan.objects, observables: plan.observables.map((o, i) => ({ ...o, observable_id: ids[i]! })), skipped: plan.skipped };
  });
}
