import { useCan } from '../../auth/session';

/** Whether the signed-in person's role may open incidents, so the page offers only what will work. */
export function useCanOpenIncident(): boolean {
  return useCan('incident.create');
}
