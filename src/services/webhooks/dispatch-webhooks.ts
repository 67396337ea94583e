import { newId } from '../../domain/ids.js';
import { DEFAULT_RETRY_POLICY, retryDelayMs, WEBHOOK_TOPIC_PREFIX, type RetryPolicy } from '../../domain/webhooks.js';
import { readBool, readJson } from '../../store/dialect.js';
import { claimDueMessages, markDelivered, markFailed, postponeMessage, scheduleRetry, type OutboxMessageRow } from '../../store/repositories/webhook-outbox.js';
import { findWebhooksByIds, insertDeliveryAttempt } from '../../store/repositories/webhooks.js';
import type { WebhookRow } from '../../store/schema.js';
import type { ServiceDeps } from '../context.js';
import { sendWebhook, type WebhookAnswer } from './send-webhook.js';

export interface DispatchOptions {
  retry?: RetryPolicy;
  batchSize?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  timeoutMs?: number;
  /** How long a claimed message stays hidden from other nodes while it is being sent. */
  leaseMs?: number;
  /** How long deliveries of a paused webhook wait before being looked at again. */
  pausedWaitMs?: number;
  /** At most this many messages per run, so one run does not hold the job forever. */
  maxPerRun?: number;
  random?: () => number;
}

export interface DispatchResult {
  delivered: number;
  retrying: number;
  failed: number;
  paused: number;
}

const at = (instant: string, ms: number) => new Date(Date.parse(instant) + ms).toISOString();

/**
 * Delivers due webhook messages from the outbox: claims a batch, POSTs each (signed), records the
 * attempt in the delivery log, and marks the message delivered, retried later with backoff, or
 * failed once its attempts are spent. Delivery is at least once: a receiver de-duplicates by the
 * body's `id`.
 */
export async function dispatchDueWebhooks(deps: ServiceDeps, options: DispatchOptions = {}): Promise<DispatchResult> {
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const batchSize = options.batchSize ?? 50;
  const maxPerRun = options.maxPerRun ?? 1000;
  const result: DispatchResult = { delivered: 0, retrying: 0, failed: 0, paused: 0 };
  let handled = 0;
  while (handled < maxPerRun) {
    const now = deps.clock.now();
    const claimed = await claimDueMessages(deps.database.db, deps.database.engine, { prefix: WEBHOOK_TOPIC_PREFIX, now, leaseUntil: at(now, options.leaseMs ?? 120_000), limit: batchSize });
    if (claimed.length === 0) break;
    handled += claimed.length;
    const hooks = new Map((await findWebhooksByIds(deps.database.db, [...new Set(claimed.map((m) => m.topic.slice(WEBHOOK_TOPIC_PREFIX.length)))])).map((h) => [h.id, h]));
    await inParallel(claimed, options.concurrency ?? 8, async (message) => {
      const outcome = await deliver(deps, message, hooks.get(message.topic.slice(WEBHOOK_TOPIC_PREFIX.length)), retry, options);
      result[outcome] += 1;
    });
    if (claimed.length < batchSize) break;
  }
  return result;
}

async function deliver(deps: ServiceDeps, message: OutboxMessageRow, hook: WebhookRow | undefined, retry: RetryPolicy, options: DispatchOptions): Promise<keyof DispatchResult> {
  const db = deps.database.db;
  if (!hook) {
    await markFailed(db, message.id, deps.clock.now(), 'The webhook no longer exists.');
    return 'failed';
  }
  if (!readBool(hook.enabled)) {
    await postponeMessage(db, message.id, at(deps.clock.now(), options.pausedWaitMs ?? 60_000));
    return 'paused';
  }
  const payload = readJson<{ type?: string }>(message.payload);
  const eventType = payload.type ?? 'unknown';
  const attempt = Number(message.attempts);
  const answer: WebhookAnswer = await sendWebhook({
    url: hook.url,
    secret: hook.secret,
    deliveryId: message.id,
    eventType,
    attempt,
    body: JSON.stringify(payload),
    timestamp: String(Math.floor(Date.parse(deps.clock.now()) / 1000)),
    timeoutMs: options.timeoutMs ?? 10_000,
  });
  const now = deps.clock.now();
  const delay = answer.delivered ? null : retryDelayMs(attempt, retry, (options.random ?? Math.random)());
  await db.transaction().execute(async (trx) => {
    await insertDeliveryAttempt(trx, { id: newId('webhookAttempt'), organisation_id: message.organisation_id, webhook_id: hook.id, outbox_id: message.id, event_type: eventType, attempt, status_code: answer.status_code, error: answer.error, duration_ms: answer.duration_ms, at: now });
    if (answer.delivered) await markDelivered(trx, message.id, now);
    else if (delay === null) await markFailed(trx, message.id, now, answer.error ?? 'failed');
    else await scheduleRetry(trx, message.id, at(now, delay), answer.error ?? 'failed');
  });
  return answer.delivered ? 'delivered' : delay === null ? 'failed' : 'retrying';
}

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
