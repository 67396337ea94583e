import { findTechniques, listIncidentTechniques as techniqueTags, listTactics } from '../../store/repositories/attack.js';
import type { Db } from '../../store/database.js';
import type { ServiceContext } from '../context.js';
import { loadVisibleIncident } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { groupByTactic, toTaggedTechnique, type IncidentTechniques, type TechniqueTag } from './incident-technique-record.js';

/** An incident's ATT&CK techniques grouped by tactic in matrix order (restricted incidents: members only). */
export async function listIncidentTechniques(ctx: ServiceContext, incidentId: string): Promise<IncidentTechniques> {
  authorize(ctx.actor, 'incident.read');
  const incident = await loadVisibleIncident(ctx.database.db, ctx.actor, incidentId);
  return incidentTechniques(ctx.database.db, ctx.actor.organisationId, incident.id);
}

export async function incidentTechniques(db: Db, organisationId: string, incidentId: string): Promise<IncidentTechniques> {
  const rows = await techniqueTags(db, incidentId);
  const tagsByTechnique = new Map<string, TechniqueTag[]>();
  for (const row of rows) {
    const tags = tagsByTechnique.get(row.technique_id) ?? [];
    tags.push({ id: row.id, timeline_entry_id: row.timeline_entry_id, added_at: row.added_at, added_by: { id: row.added_by, name: row.added_by_name ?? row.added_by } });
    tagsByTechnique.set(row.technique_id, tags);
  }
  const catalogue = await findTechniques(db, organisationId, [...tagsByTechnique.keys()]);
  const techniques = [...tagsByTechnique.entries()]
    .map(([id, tags]) => toTaggedTechnique(id, catalogue.get(id), tags))
    .sort((a, b) => a.technique_id.localeCompare(b.technique_id));
  return groupByTactic(techniques, await listTactics(db, organisationId));
}
