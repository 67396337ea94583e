import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import type { AlertRecord } from './alert-record.js';
import { loadAlertsForTriage, recordTriage } from './load-alerts-for-triage.js';

/** Puts dismissed alerts back in the queue as new; the dismissal stays in the audit log. */
export async function reopenAlerts(ctx: ServiceContext, input: { alert_ids: string[] }): Promise<AlertRecord[]> {
  authorize(ctx.actor, 'alert.triage');
  return runInTransaction(ctx, async (uow) => {
    const alerts = await loadAlertsForTriage(uow, input.alert_ids, 'reopen');
    const result: AlertRecord[] = [];
    for (const alert of alerts) result.push(await recordTriage(uow, alert, 'reopen', { incident_id: null, dismiss_reason: null }, null));
    return result;
  });
}
