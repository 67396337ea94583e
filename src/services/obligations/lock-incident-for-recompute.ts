import { notFound } from '../../domain/errors.js';
import { lockIncident } from '../../store/repositories/incidents.js';
import { toIncidentRecord, type IncidentRecord } from '../incidents/incident-record.js';
import type { UnitOfWork } from '../transaction.js';

/**
 * Locks an incident for a change the system makes on everyone's behalf (a profile change, a
 * reminder): no visibility check, because the caller already decided the incident is concerned.
 */
export async function lockIncidentForRecompute(uow: UnitOfWork, incidentId: string): Promise<IncidentRecord> {
  const row = await lockIncident(uow.db, uow.engine, uow.actor.organisationId, incidentId);
  if (!row) throw notFound(`Incident ${incidentId}`);
  return toIncidentRecord(row);
}
