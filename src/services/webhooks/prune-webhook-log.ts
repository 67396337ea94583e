import { DAY_MS } from '../../domain/time.js';
import { WEBHOOK_TOPIC_PREFIX } from '../../domain/webhooks.js';
import { deleteFinishedMessages } from '../../store/repositories/webhook-outbox.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';

/** How long the delivery log keeps finished deliveries; pending ones are never pruned. */
export const WEBHOOK_LOG_RETENTION_MS = 30 * DAY_MS;

/**
 * Forgets deliveries delivered or given up more than 30 days ago, with their attempts, so the
 * outbox does not grow without end. Audited only when it removed something.
 */
export async function pruneWebhookLog(ctx: ServiceContext): Promise<{ deliveries: number }> {
  authorize(ctx.actor, 'webhook.manage');
  return runInTransaction(ctx, async (uow) => {
    const cutoff = new Date(Date.parse(uow.now) - WEBHOOK_LOG_RETENTION_MS).toISOString();
    const deliveries = await deleteFinishedMessages(uow.db, { organisationId: uow.actor.organisationId, prefix: WEBHOOK_TOPIC_PREFIX, cutoff });
    if (deliveries) await uow.audit('webhook.log_pruned', { type: 'organisation', id: uow.actor.organisationId }, { deliveries, cutoff });
    return { deliveries };
  });
}
