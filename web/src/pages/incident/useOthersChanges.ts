import { useEffect, useState } from 'react';
import type { LiveEvent } from '../../api/types';
import { useCurrentUser } from '../../auth/session';
import { onLiveEvent } from '../../live/useLiveEvents';

/** What a live event says happened, in a responder's words ("added a note"). */
export function describeChange(event: LiveEvent): string {
  switch (event.type) {
    case 'incident.updated':
      return 'edited the incident';
    case 'incident.transitioned':
      return 'moved the incident to another phase';
    case 'timeline.entry_added':
      return 'added to the timeline';
    case 'task.created':
      return 'added a task';
    case 'task.updated':
      return 'updated a task';
    case 'member.assigned':
      return 'assigned a role';
    case 'member.released':
      return 'released a role';
    default:
      return 'changed the incident';
  }
}

/**
 * Changes other people make to this incident, as they arrive. With `types`, only those kinds; the
 * list restarts whenever `since` changes (e.g. when an edit begins), so an editor can warn about
 * changes made while the user was typing.
 */
export function useOthersChanges(incidentId: string, options: { types?: string[]; since?: unknown } = {}): LiveEvent[] {
  const me = useCurrentUser();
  const [events, setEvents] = useState<LiveEvent[]>([]);
  const types = options.types?.join(',');

  useEffect(() => {
    setEvents([]);
    const wanted = types ? types.split(',') : null;
    return onLiveEvent((event) => {
      if (event.incident_id !== incidentId || event.actor_id === me.id) return;
      if (wanted && !wanted.includes(event.type)) return;
      setEvents((previous) => [...previous.slice(-19), event]);
    });
  }, [incidentId, me.id, types, options.since]);

  return events;
}
