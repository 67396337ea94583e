import type { Actor } from '../context.js';

/**
 * Need-to-know: restricted incidents are visible only to their active members and to administrators.
 * Returns the user id whose membership unlocks restricted incidents, or null for "sees everything".
 */
export function restrictedVisibilityFor(actor: Actor): string | null {
  return actor.role === 'admin' ? null : actor.userId;
}
