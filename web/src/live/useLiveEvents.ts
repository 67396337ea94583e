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
  'engagement.created',
  'engagement.updated',
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
  'risk.created',
  'risk.updated',
  'risks.rescored',
  'asset.created',
  'asset.updated',
  'control.created',
  'control.updated',
  'control_catalog.imported',
  'settings.updated',
  'simulation.started',
  'simulation.progress',
  'simulation.finished',
  'incident.risks_changed',
  'incident.control_outcomes_changed',
  'review.completed',
  'review.created',
  'review.updated',
  'action_item.created',
  'action_item.updated',
  'proposal.decided',
  'escalation.sent',
  'escalation.acknowledged',
  'escalation.unanswered',
  'communication.drafted',
  'communication.updated',
  'communication.submitted',
  'communication.reviewed',
  'communication.approved',
  'communication.sent',
  'communication.withdrawn',
  'plan.draft_saved',
  'plan.approved',
  'plan.exported',
  'incident_facts.updated',
  'decision.recorded',
  'obligations.changed',
  'obligation.updated',
  'evidence.added',
  'evidence.updated',
  'evidence.custody',
  'evidence.verified',
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
      // The register: a risk, a control or an asset changes the lists, heat maps and coverage around it.
      if (event.type.startsWith('risk') || event.type.startsWith('control') || event.type === 'settings.updated') {
        for (const key of ['risks', 'risk', 'controls', 'control-catalogs', 'risk-matrix', 'risk-appetite']) void queryClient.invalidateQueries({ queryKey: [key] });
      }
      if (event.type.startsWith('asset.')) void queryClient.invalidateQueries({ queryKey: ['assets'] });
      // The closed loop: reviews, their action items and the proposals risk owners decide.
      if (event.type.startsWith('action_item.')) void queryClient.invalidateQueries({ queryKey: ['action-items'] });
      if (event.type === 'review.completed' || event.type.startsWith('proposal.')) {
        for (const key of ['proposals', 'risks', 'risk', 'controls']) void queryClient.invalidateQueries({ queryKey: [key] });
      }
      if (event.type.startsWith('simulation.')) {
        void queryClient.invalidateQueries({ queryKey: ['simulation', event.entity_id] });
        if (event.type === 'simulation.finished') void queryClient.invalidateQueries({ queryKey: ['risk'] });
      }
      if (event.type.startsWith('plan.')) void queryClient.invalidateQueries({ queryKey: ['plan'] });
      // Notification deadlines: the home page's "due soonest" spans incidents, so it is not under one incident's key.
      if (event.type.startsWith('obligation')) void queryClient.invalidateQueries({ queryKey: ['obligations'] });
      // An evidence item's page and custody log sit under ['evidence', id]; the incident's list under the incident.
      if (event.type.startsWith('evidence.')) void queryClient.invalidateQueries({ queryKey: ['evidence', event.entity_id] });
      // Only administrators receive these (event-visibility policy).
      if (event.type.startsWith('webhook.')) void queryClient.invalidateQueries({ queryKey: ['webhooks'] });
      for (const listener of listeners) listener(event);
    };
    for (const type of EVENT_TYPES) source.addEventListener(type, handle as EventListener);
    return () => source.close();
  }, [enabled, queryClient]);

  return status;
}
