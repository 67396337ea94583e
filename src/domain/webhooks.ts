import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Outbound webhooks: which events may leave the system, how a subscription names them, how a
 * delivery is signed, and when a failed delivery is tried again.
 */
export const WEBHOOK_EVENT_TYPES = [
  'alert.created',
  'alert.updated',
  'alerts.ingested',
  'alert.triaged',
  'observable.updated',
  'incident.created',
  'incident.updated',
  'incident.transitioned',
  'incident.techniques_changed',
  'timeline.entry_added',
  'task.created',
  'task.updated',
  'engagement.created',
  'engagement.updated',
  'member.assigned',
  'member.released',
  'escalation.sent',
  'escalation.acknowledged',
  'escalation.unanswered',
  'communication.approved',
  'communication.sent',
  'decision.recorded',
  'obligations.changed',
  'obligation.updated',
  'evidence.added',
  'evidence.custody',
  'evidence.verified',
  'incident.risks_changed',
  'incident.control_outcomes_changed',
  'review.completed',
  'action_item.created',
  'action_item.updated',
  'proposal.decided',
  'risk.created',
  'risk.updated',
  'plan.approved',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent by "Send test event" only; a receiver can use it to check its signature verification. */
export const PING_EVENT = 'webhook.ping';

export const MAX_SUBSCRIBED_TYPES = 50;

/**
 * A subscription lists event types, a family ending in `.*` (`incident.*`), or `*` for everything.
 * Answers the problem with each entry, so an unknown type is refused rather than never firing.
 */
export function checkEventTypes(types: readonly string[]): Array<{ index: number; message: string }> {
  const problems: Array<{ index: number; message: string }> = [];
  if (types.length === 0) problems.push({ index: -1, message: 'subscribe to at least one event type (or "*")' });
  types.forEach((type, index) => {
    if (type === '*') return;
    if (type.endsWith('.*')) {
      const family = type.slice(0, -1);
      if (!WEBHOOK_EVENT_TYPES.some((known) => known.startsWith(family))) problems.push({ index, message: `no event type starts with "${family}"` });
      return;
    }
    if (!(WEBHOOK_EVENT_TYPES as readonly string[]).includes(type)) problems.push({ index, message: `unknown event type "${type}"` });
  });
  return problems;
}

export function subscribes(types: readonly string[], eventType: string): boolean {
  if (!(WEBHOOK_EVENT_TYPES as readonly string[]).includes(eventType)) return false;
  return types.some((type) => type === '*' || type === eventType || (type.endsWith('.*') && eventType.startsWith(type.slice(0, -1))));
}

/** `sha256=<hex>` over `"<timestamp>.<body>"`, so a captured body cannot be replayed with another time. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does: recompute, compare in constant time, and refuse stale timestamps. */
export function verifyWebhookSignature(input: { secret: string; timestamp: string; body: string; signature: string; nowSeconds: number; toleranceSeconds?: number }): boolean {
  const sent = Number(input.timestamp);
  if (!Number.isInteger(sent) || Math.abs(input.nowSeconds - sent) > (input.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(webhookSignature(input.secret, input.timestamp, input.body));
  const given = Buffer.from(input.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** About 30 s, 1, 2, 4, 8, 16, 32 min, then hourly: eleven attempts over three to four hours. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 11, baseDelayMs: 30_000, maxDelayMs: 3_600_000 };

/**
 * The wait after failed attempt `attempt` (1-based), or null when it was the last. Exponential with
 * "equal jitter": half the step is fixed, half random, so receivers that failed together do not all
 * retry at the same instant.
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, random: number): number | null {
  if (attempt >= policy.maxAttempts) return null;
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (step / 2) * Math.min(Math.max(random, 0), 1));
}

/** A 2xx answer is a delivery; redirects are not followed (the receiver's URL should be the final one). */
export const isDelivered = (status: number) => status >= 200 && status < 300;

/** Outbox topic of one webhook's deliveries. */
export const webhookTopic = (webhookId: string) => `webhook:${webhookId}`;
export const WEBHOOK_TOPIC_PREFIX = 'webhook:';
