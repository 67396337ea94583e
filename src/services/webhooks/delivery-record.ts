import { readJson } from '../../store/dialect.js';
import type { OutboxMessageRow } from '../../store/repositories/webhook-outbox.js';
import type { WebhookDeliveryRow } from '../../store/schema.js';

export type DeliveryState = 'pending' | 'delivered' | 'failed';

/** One event sent (or to be sent) to one webhook, with every attempt made so far. */
export interface DeliveryRecord {
  id: string;
  event_id: string;
  event_type: string;
  state: DeliveryState;
  created_at: string;
  /** When the next attempt is due; null once delivered or failed. */
  next_attempt_at: string | null;
  delivered_at: string | null;
  failed_at: string | null;
  last_error: string | null;
  attempt_count: number;
  attempts: Array<{ id: string; attempt: number; status_code: number | null; error: string | null; duration_ms: number; at: string }>;
  body: Record<string, unknown>;
}

export function toDeliveryRecord(message: OutboxMessageRow, attempts: WebhookDeliveryRow[]): DeliveryRecord {
  const body = readJson<Record<string, unknown>>(message.payload);
  const state: DeliveryState = message.delivered_at ? 'delivered' : message.failed_at ? 'failed' : 'pending';
  return {
    id: message.id,
    event_id: String(body.id ?? ''),
    event_type: String(body.type ?? ''),
    state,
    created_at: message.created_at,
    next_attempt_at: state === 'pending' ? message.available_at : null,
    delivered_at: message.delivered_at,
    failed_at: message.failed_at,
    last_error: message.last_error,
    attempt_count: Number(message.attempts),
    attempts: attempts.map((a) => ({ id: a.id, attempt: Number(a.attempt), status_code: a.status_code === null ? null : Number(a.status_code), error: a.error, duration_ms: Number(a.duration_ms), at: a.at })),
    body,
  };
}
