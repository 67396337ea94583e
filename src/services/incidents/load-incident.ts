import { notFound, stale } from '../../domain/errors.js';
import { findIncident, lockIncident } from '../../store/repositories/incidents.js';
import type { Actor } from '../context.js';
import { restrictedVisibilityFor } from '../policies/incident-visibility.js';
import type { UnitOfWork } from '../transaction.js';
import { toIncidentRecord, type IncidentRecord } from './incident-record.js';

/**
 * Loads an incident for a change inside a transaction: visible to the actor (else 404, so a
 * restricted incident's existence does not leak), row-locked, and at the expected version when given.
 */
export async function loadIncidentForChange(uow: UnitOfWork, idOrNumber: string, expectedVersion?: number): Promise<IncidentRecord> {
  const visible = await findIncident(uow.db, uow.actor.organisationId, idOrNumber, restrictedVisibilityFor(uow.actor));
  if (!visible) throw notFound(`Incident ${idOrNumber}`);
  const locked = await lockIncident(uow.db, uow.engine, uow.actor.organisationId, visible.id);
  if (!locked) throw notFound(`Incident ${idOrNumber}`);
  const incident = toIncidentRecord(locked);
  if (expectedVersion !== undefined && expectedVersion !== incident.version) throw stale(incident.version);
  return incident;
}

export async function loadVisibleIncident(db: UnitOfWork['db'], actor: Actor, idOrNumber: string): Promise<IncidentRecord> {
  const row = await findIncident(db, actor.organisationId, idOrNumber, restrictedVisibilityFor(actor));
  if (!row) throw notFound(`Incident ${idOrNumber}`);
  return toIncidentRecord(row);
}
