import { listIncidentObligations as storedObligations } from '../../store/repositories/obligations.js';
import type { ServiceContext } from '../context.js';
import { loadVisibleIncident } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { toObligationView, type ObligationView } from './obligation-record.js';
import { profileOf } from './profile-of.js';

/** The incident's obligations, soonest deadline first, not-required ones included (with their reason). */
export async function listIncidentObligations(ctx: ServiceContext, incidentId: string): Promise<ObligationView[]> {
  authorize(ctx.actor, 'incident.read');
  const incident = await loadVisibleIncident(ctx.database.db, ctx.actor, incidentId);
  const zone = (await profileOf(ctx.database.db, ctx.actor.organisationId)).timezone;
  const now = ctx.clock.now();
  return (await storedObligations(ctx.database.db, incident.id)).map((row) => toObligationView(row, zone, now));
}
