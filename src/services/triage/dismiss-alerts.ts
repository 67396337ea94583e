import { invalid } from '../../domain/errors.js';
import { DISMISS_REASON_MAX } from '../../domain/triage.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import type { AlertRecord } from './alert-record.js';
import { loadAlertsForTriage, recordTriage } from './load-alerts-for-triage.js';

/** Dismisses new alerts with a reason (false positive, benign, …); reopening undoes it. */
export async function dismissAlerts(ctx: ServiceContext, input: { alert_ids: string[]; reason: string }): Promise<AlertRecord[]> {
  authorize(ctx.actor, 'alert.triage');
  const reason = input.reason.trim();
  if (!reason || reason.length > DISMISS_REASON_MAX) throw invalid('Say why the alerts are dismissed.', [{ path: 'reason', message: `1 to ${DISMISS_REASON_MAX} characters` }]);
  return runInTransaction(ctx, async (uow) => {
    const alerts = await loadAlertsForTriage(uow, input.alert_ids, 'dismiss');
    const result: AlertRecord[] = [];
    for (const alert of alerts) result.push(await recordTriage(uow, alert, 'dismiss', { incident_id: null, dismiss_reason: reason }, null));
    return result;
  });
}
