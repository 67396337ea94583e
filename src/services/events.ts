/**
 * Live change notifications (server-sent events, web app refresh). On SQLite they stay in the
 * process; on PostgreSQL the store's notification channel carries them between nodes.
 */
export interface DomainEvent {
  type: string;
  organisation_id: string;
  /** The incident the change belongs to, when it does; used to hide restricted incidents from non-members. */
  incident_id?: string;
  restricted?: boolean;
  entity_id: string;
  version?: number;
  /** How many things one event stands for (`alerts.ingested`: the alerts stored by one request). */
  count?: number;
  /** How far a long-running job is, 0 … 1 (`simulation.progress`). */
  progress?: number;
  actor_id: string;
  at: string;
}

export type EventListener = (event: DomainEvent) => void;

export interface EventBus {
  publish(event: DomainEvent): void;
  subscribe(listener: EventListener): () => void;
}

export class InProcessEventBus implements EventBus {
  private readonly listeners = new Set<EventListener>();

  publish(event: DomainEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A broken subscriber (a closed SSE stream) must not stop the others.
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }
}
