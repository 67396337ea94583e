import { notFound } from '../../domain/errors.js';
import { findIncident } from '../../store/repositories/incidents.js';
import { findEvidenceItem, lockEvidenceItem } from '../../store/repositories/evidence-items.js';
import type { EvidenceItemRow } from '../../store/schema.js';
import type { Actor } from '../context.js';
import { restrictedVisibilityFor } from '../policies/incident-visibility.js';
import type { UnitOfWork } from '../transaction.js';
import type { Db } from '../../store/database.js';
import type { IncidentRecord } from '../incidents/incident-record.js';
import { toIncidentRecord } from '../incidents/incident-record.js';

export interface LoadedEvidence {
  item: EvidenceItemRow;
  incident: IncidentRecord;
}

/** An item the actor may see (its incident visible to them; else 404, so restricted evidence does not leak). Permission checks are the caller's. */
export async function loadVisibleEvidence(db: Db, actor: Actor, id: string): Promise<LoadedEvidence> {
  const item = await findEvidenceItem(db, actor.organisationId, id);
  const incident = item && (await findIncident(db, actor.organisationId, item.incident_id, restrictedVisibilityFor(actor)));
  if (!item || !incident) throw notFound(`Evidence ${id}`);
  return { item, incident: toIncidentRecord(incident) };
}

/** The same, row-locked inside the caller's transaction for a change or a custody event. */
export async function loadEvidenceForChange(uow: UnitOfWork, id: string): Promise<LoadedEvidence> {
  const { incident } = await loadVisibleEvidence(uow.db, uow.actor, id);
  const item = await lockEvidenceItem(uow.db, uow.engine, uow.actor.organisationId, id);
  if (!item) throw notFound(`Evidence ${id}`);
  return { item, incident };
}
