import type { Db } from '../store/database.js';
import { EVENTS_CHANNEL, listenOnChannel, notifyChannel } from '../store/notifications.js';
import { InProcessEventBus, type DomainEvent, type EventBus, type EventListener } from './events.js';

/**
 * Live events across several `bulwark serve` nodes on one PostgreSQL: publishing sends a NOTIFY,
 * and every node (this one too) hears it through LISTEN and hands it to its local subscribers.
 */
export class PostgresEventBus implements EventBus {
  private readonly local = new InProcessEventBus();
  private stopListening: (() => Promise<void>) | null = null;

  constructor(private readonly db: Db, private readonly connectionString: string) {}

  async start(): Promise<void> {
    this.stopListening = await listenOnChannel(this.connectionString, EVENTS_CHANNEL, (payload) => {
      try {
        this.local.publish(JSON.parse(payload) as DomainEvent);
      } catch {
        // A payload that is not ours is ignored.
      }
    });
  }

  publish(event: DomainEvent): void {
    void notifyChannel(this.db, EVENTS_CHANNEL, JSON.stringify(event)).catch(() => this.local.publish(event));
  }

  subscribe(listener: EventListener): () => void {
    return this.local.subscribe(listener);
  }

  async stop(): Promise<void> {
    await this.stopListening?.();
  }
}
