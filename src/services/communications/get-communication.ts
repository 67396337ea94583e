import { notFound } from '../../domain/errors.js';
import { findCommunication } from '../../store/repositories/communications.js';
import type { ServiceContext } from '../context.js';
import { loadVisibleIncident } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { toCommunicationRecord, type CommunicationRecord } from './communication-record.js';

/** One communication; 404 when it does not exist or its incident is restricted and hidden from the caller. */
export async function getCommunication(ctx: ServiceContext, id: string): Promise<CommunicationRecord> {
  authorize(ctx.actor, 'incident.read');
  const db = ctx.database.db;
  const row = await findCommunication(db, ctx.actor.organisationId, id);
  if (!row) throw notFound(`Communication ${id}`);
  await loadVisibleIncident(db, ctx.actor, row.incident_id).catch(() => {
    throw notFound(`Communication ${id}`);
  });
  return toCommunicationRecord(db, row);
}
