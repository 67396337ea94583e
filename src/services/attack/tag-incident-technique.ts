import { parseAttackId } from '../../domain/attack.js';
import { invalid, notFound } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { findIncidentTechnique, findTechniques, insertIncidentTechnique, timelineEntryBelongsTo } from '../../store/repositories/attack.js';
import type { ServiceContext } from '../context.js';
import { loadIncidentForChange } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';

export interface TagOutcome {
  created: boolean;
  tag: { id: string; technique_id: string; timeline_entry_id: string | null; added_at: string; added_by: string };
}

/**
 * Tags the incident, or one of its timeline entries, with an ATT&CK technique from the imported
 * catalogue. Tagging twice is harmless: the existing tag is answered and nothing is written.
 */
export async function tagIncidentTechnique(ctx: ServiceContext, incidentId: string, input: { technique_id: string; timeline_entry_id?: string | null | undefined }): Promise<TagOutcome> {
  authorize(ctx.actor, 'incident.note');
  const techniqueId = parseAttackId(input.technique_id);
  if (!techniqueId) throw invalid(`"${input.technique_id}" is not an ATT&CK technique id (T1234 or T1234.001).`, [{ path: 'technique_id', message: 'not an ATT&CK technique id' }]);
  const entryId = input.timeline_entry_id ?? null;
  return runInTransaction(ctx, async (uow) => {
    const incident = await loadIncidentForChange(uow, incidentId);
    const technique = (await findTechniques(uow.db, uow.actor.organisationId, [techniqueId])).get(techniqueId);
    if (!technique) throw invalid(`${techniqueId} is not in the imported ATT&CK catalogue. Import ATT&CK first (bulwark attack import FILE), or check the id.`, [{ path: 'technique_id', message: 'unknown technique' }]);
    if (technique.revoked) throw invalid(`${techniqueId} was revoked by ATT&CK${technique.revoked_by ? `; tag ${technique.revoked_by} instead` : ''}.`, [{ path: 'technique_id', message: 'revoked technique' }]);
    if (technique.deprecated) throw invalid(`${techniqueId} is deprecated in ATT&CK and cannot be tagged any more.`, [{ path: 'technique_id', message: 'deprecated technique' }]);
    if (entryId !== null && !(await timelineEntryBelongsTo(uow.db, incident.id, entryId))) throw notFound(`Timeline entry ${entryId} of incident ${incident.number}`);

    const existing = await findIncidentTechnique(uow.db, incident.id, techniqueId, entryId);
    if (existing) return { created: false, tag: existing };
    const tag = { id: newId('incidentTechnique'), organisation_id: incident.organisation_id, incident_id: incident.id, technique_id: techniqueId, timeline_entry_id: entryId, added_at: uow.now, added_by: uow.actor.userId };
    await insertIncidentTechnique(uow.db, tag);
    const where = entryId ? ' on a timeline entry' : '';
    await recordTimelineEntry(uow, incident, { kind: 'techniques_changed', body: `Tagged ${techniqueId} ${technique.name}${where}`, details: { added: techniqueId, name: technique.name, timeline_entry_id: entryId } });
    await uow.audit('incident.technique_tag', { type: 'incident', id: incident.id }, { technique_id: techniqueId, timeline_entry_id: entryId });
    uow.emit({ type: 'incident.techniques_changed', incident_id: incident.id, restricted: incident.restricted, entity_id: incident.id });
    const { organisation_id: _o, incident_id: _i, ...answer } = tag;
    return { created: true, tag: answer };
  });
}
