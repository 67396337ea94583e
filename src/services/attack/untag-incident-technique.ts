import { parseAttackId } from '../../domain/attack.js';
import { notFound } from '../../domain/errors.js';
import { deleteIncidentTechnique, findIncidentTechnique, findTechniques } from '../../store/repositories/attack.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';

/** Removes a technique tag from the incident (or from one of its timeline entries); the timeline keeps the record. */
export async function untagIncidentTechnique(ctx: ServiceContext, incidentId: string, input: { technique_id: string; timeline_entry_id?: string | null | undefined }): Promise<void> {
  authorize(ctx.actor, 'incident.note');
  const entryId = input.timeline_entry_id ?? null;
  return runInTransaction(ctx, async (uow) => {
    const incident = await loadIncidentForChange(uow, incidentId);
    const techniqueId = parseAttackId(input.technique_id) ?? input.technique_id;
    const tag = await findIncidentTechnique(uow.db, incident.id, techniqueId, entryId);
    if (!tag) throw notFound(`Technique ${techniqueId} on incident ${incident.number}${entryId ? ` (timeline entry ${entryId})` : ''}`);
    await deleteIncidentTechnique(uow.db, tag.id);
    const name = (await findTechniques(uow.db, uow.actor.organisationId, [techniqueId])).get(techniqueId)?.name ?? '';
    await recordTimelineEntry(uow, incident, { kind: 'techniques_changed', body: `Removed ${techniqueId}${name ? ` ${name}` : ''}${entryId ? ' from a timeline entry' : ''}`, details: { removed: techniqueId, name, timeline_entry_id: entryId } });
    await uow.audit('incident.technique_untag', { type: 'incident', id: incident.id }, { technique_id: techniqueId, timeline_entry_id: entryId });
    uow.emit({ type: 'incident.techniques_changed', incident_id: incident.id, restricted: incident.restricted, entity_id: incident.id });
  });
}
