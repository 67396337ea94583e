import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from '../../domain/webhooks.js';
import { readJson } from '../../store/dialect.js';
import { claimDueMessages, markDelivered, markFailed, postponeMessage, scheduleRetry } from '../../store/repositories/webhook-outbox.js';
import type { ServiceDeps } from '../context.js';
import { EMAIL_TOPIC, type EmailMessage, type MailProvider } from './mail-message.js';

export interface EmailDispatchOptions {
  retry?: RetryPolicy;
  batchSize?: number;
  maxPerRun?: number;
  /** How long a claimed e-mail stays hidden from other nodes while it is being sent. */
  leaseMs?: number;
  /** With no mail server configured, how long queued e-mails wait before being looked at again. */
  skippedWaitMs?: number;
  random?: () => number;
}

export interface EmailDispatchResult {
  delivered: number;
  retrying: number;
  failed: number;
  /** Left queued because no mail server is configured; `reason` says so. */
  skipped: number;
  reason?: string;
}

const at = (instant: string, ms: number) => new Date(Date.parse(instant) + ms).toISOString();

/**
 * Sends due e-mails from the outbox (topic `email`) through the provider: claims a batch, sends each,
 * and marks it delivered, retried later with backoff (the webhook policy: about 30 s doubling to
 * hourly, eleven attempts), or failed once its attempts are spent. With no mail server configured
 * the e-mails stay queued, their attempt not counted, with the reason in `last_error`.
 */
export async function dispatchDueEmails(deps: ServiceDeps, provider: MailProvider, options: EmailDispatchOptions = {}): Promise<EmailDispatchResult> {
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const batchSize = options.batchSize ?? 20;
  const maxPerRun = options.maxPerRun ?? 500;
  const db = deps.database.db;
  const result: EmailDispatchResult = { delivered: 0, retrying: 0, failed: 0, skipped: 0 };
  let handled = 0;
  while (handled < maxPerRun) {
    const now = deps.clock.now();
    const claimed = await claimDueMessages(db, deps.database.engine, { prefix: EMAIL_TOPIC, now, leaseUntil: at(now, options.leaseMs ?? 300_000), limit: batchSize });
    if (claimed.length === 0) break;
    handled += claimed.length;
    for (const message of claimed) {
      const outcome = await provider.send(readJson<EmailMessage>(message.payload));
      const done = deps.clock.now();
      if (outcome.delivered) {
        await markDelivered(db, message.id, done);
        result.delivered += 1;
      } else if (outcome.skipped) {
        await postponeMessage(db, message.id, at(done, options.skippedWaitMs ?? 60_000));
        await scheduleRetry(db, message.id, at(done, options.skippedWaitMs ?? 60_000), outcome.reason);
        result.skipped += 1;
        result.reason = outcome.reason;
      } else {
        const delay = retryDelayMs(Number(message.attempts), retry, (options.random ?? Math.random)());
        if (delay === null) {
          await markFailed(db, message.id, done, outcome.reason);
          result.failed += 1;
        } else {
          await scheduleRetry(db, message.id, at(done, delay), outcome.reason);
          result.retrying += 1;
        }
      }
    }
    if (claimed.length < batchSize) break;
  }
  return result;
}
