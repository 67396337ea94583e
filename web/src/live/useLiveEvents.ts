import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { LiveEvent } from '../api/types';

const EVENT_TYPES = [
  'incident.created',
  'incident.updated',
  'incident.transitioned',
  'timeline.entry_added',
  'task.created',
  'task.updated',
  'member.assigned',
  'member.released',
  'observable.updated',
  'alert.created',
  'alert.updated',
  'alerts.ingested',
  'alert.triaged',
  'incident.techniques_changed',
  'alert_rule.created',
  'alert_rule.updated',
  'alert_rule.deleted',
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'webhook.delivery_queued',
];

type Listener = (event: LiveEvent) => void;
const listeners = new Set<Listener>();

/** Lets a component react to live events (e.g. to warn an editor that someone else changed the incident). */
export function onLiveEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * One EventSource for the whole app: every change someone else makes refreshes the queries that show
 * it. Query keys follow the convention ['incidents', …] for lists and ['incident', id, …] for one
 * incident and its parts (timeline, tasks, members).
 */
export function useLiveEvents(enabled: boolean): 'connecting' | 'live' | 'offline' {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<'connecting' | 'live' | 'offline'>('connecting');

  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource('/api/v1/events');
    source.onopen = () => setStatus('live');
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    const handle = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as LiveEvent;
      if (event.incident_id) void queryClient.invalidateQueries({ queryKey: ['incident', event.incident_id] });
      void queryClient.invalidateQueries({ queryKey: ['incidents'] });
      if (event.type.startsWith('task.')) void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      if (event.type === 'observable.updated') void queryClient.invalidateQueries({ queryKey: ['observable'] });
      if (event.type.startsWith('alert')) {
        // Rules change too (alert_rule.*), and their match counters move as alerts arrive.
        void queryClient.invalidateQueries({ queryKey: ['alert-rules'] });
        void queryClient.invalidateQueries({ queryKey: ['alerts'] });
        void queryClient.invalidateQueries({ queryKey: ['alert', event.entity_id] });
      }
      // Only administrators receive these (event-visibility policy).
      if (event.type.startsWith('webhook.')) void queryClient.invalidateQueries({ queryKey: ['webhooks'] });
      for (const listener of listeners) listener(event);
    };
    for (const type of EVENT_TYPES) source.addEventListener(type, handle as EventListener);
    return () => source.close();
  }, [enabled, queryClient]);

  return status;
}
