/** Shapes of /api/v1/webhooks (see the OpenAPI document). */
export interface Webhook {
  id: string;
  name: string;
  url: string;
  event_types: string[];
  enabled: boolean;
  include_restricted: boolean;
  secret_fingerprint: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  version: number;
}

export type DeliveryState = 'pending' | 'delivered' | 'failed';

export interface DeliveryAttempt {
  id: string;
  attempt: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  at: string;
}

export interface Delivery {
  id: string;
  event_id: string;
  event_type: string;
  state: DeliveryState;
  created_at: string;
  next_attempt_at: string | null;
  delivered_at: string | null;
  failed_at: string | null;
  last_error: string | null;
  attempt_count: number;
  attempts: DeliveryAttempt[];
  body: Record<string, unknown>;
}

/** The subscribable event types, grouped as the form offers them. */
export const EVENT_GROUPS: Array<{ family: string; label: string; types: string[] }> = [
  { family: 'alert.*', label: 'Alerts', types: ['alert.created', 'alert.updated', 'alert.triaged'] },
  { family: 'alerts.*', label: 'Alert batches', types: ['alerts.ingested'] },
  { family: 'observable.*', label: 'Observables', types: ['observable.updated'] },
  { family: 'incident.*', label: 'Incidents', types: ['incident.created', 'incident.updated', 'incident.transitioned', 'incident.techniques_changed', 'incident.risks_changed', 'incident.control_outcomes_changed'] },
  { family: 'timeline.*', label: 'Timeline', types: ['timeline.entry_added'] },
  { family: 'task.*', label: 'Tasks', types: ['task.created', 'task.updated'] },
  { family: 'member.*', label: 'People & roles', types: ['member.assigned', 'member.released'] },
  { family: 'review.*', label: 'Reviews', types: ['review.completed'] },
  { family: 'action_item.*', label: 'Action items', types: ['action_item.created', 'action_item.updated'] },
  { family: 'proposal.*', label: 'Proposals', types: ['proposal.decided'] },
  { family: 'risk.*', label: 'Risks', types: ['risk.created', 'risk.updated'] },
];
