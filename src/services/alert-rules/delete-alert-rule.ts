import { notFound } from '../../domain/errors.js';
import { deleteAlertRule as removeRule, findAlertRule } from '../../store/repositories/alert-rules.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';

/** Removes a rule; alerts it already shaped stay as they are. */
export async function deleteAlertRule(ctx: ServiceContext, id: string): Promise<void> {
  authorize(ctx.actor, 'alert.rules.manage');
  await runInTransaction(ctx, async (uow) => {
    const row = await findAlertRule(uow.db, uow.actor.organisationId, id, true);
    if (!row) throw notFound(`Alert rule ${id}`);
    await removeRule(uow.db, id);
    await uow.audit('alert_rule.deleted', { type: 'alert_rule', id }, { kind: row.kind, name: row.name, matched_count: Number(row.matched_count) });
    uow.emit({ type: 'alert_rule.deleted', entity_id: id });
  });
}
