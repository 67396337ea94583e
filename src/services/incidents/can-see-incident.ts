import { findIncident } from '../../store/repositories/incidents.js';
import type { ServiceContext } from '../context.js';
import { restrictedVisibilityFor } from '../policies/incident-visibility.js';

/** Whether the actor may see an incident (and so its live events); restricted ones only for members and admins. */
export async function canSeeIncident(ctx: ServiceContext, incidentId: string): Promise<boolean> {
  return (await findIncident(ctx.database.db, ctx.actor.organisationId, incidentId, restrictedVisibilityFor(ctx.actor))) !== undefined;
}
