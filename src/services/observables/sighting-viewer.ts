import { can } from '../../domain/access.js';
import type { SightingViewer } from '../../store/repositories/observables.js';
import type { Actor } from '../context.js';
import { restrictedVisibilityFor } from '../policies/incident-visibility.js';

/** What of an observable's history the actor may see: restricted incidents only as a member, alerts only with alert.read. */
export function sightingViewerFor(actor: Actor): SightingViewer {
  return { userId: restrictedVisibilityFor(actor), alerts: can(actor.role, 'alert.read') };
}
