import type { ServiceContext } from '../context.js';
import type { DomainEvent } from '../events.js';
import { canSeeIncident } from '../incidents/can-see-incident.js';

/** Account and token changes are administration: only administrators (and the user concerned) hear of them. */
const ADMINISTRATIVE = ['user.', 'api_token.', 'webhook.'];

/**
 * Whether a live event may reach this subscriber: same organisation; restricted incidents only for
 * their members and administrators; administrative events only for administrators and the person
 * they are about.
 */
export async function mayReceiveEvent(ctx: ServiceContext, event: DomainEvent): Promise<boolean> {
  if (event.organisation_id !== ctx.actor.organisationId) return false;
  if (ADMINISTRATIVE.some((prefix) => event.type.startsWith(prefix))) {
    return ctx.actor.role === 'admin' || event.entity_id === ctx.actor.userId;
  }
  if (!event.incident_id || !event.restricted) return true;
  return canSeeIncident(ctx, event.incident_id);
}
