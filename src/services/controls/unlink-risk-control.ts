import { notFound } from '../../domain/errors.js';
import { deleteRiskControl, findControl, findRiskControl } from '../../store/repositories/controls.js';
import { lockRisk } from '../../store/repositories/risks.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { recordLinkChange } from './risk-control-link.js';

/** The risk no longer relies on the control; re-scores the risk. */
export async function unlinkRiskControl(ctx: ServiceContext, riskIdOrNumber: string, controlId: string): Promise<void> {
  authorize(ctx.actor, 'risk.write');
  await runInTransaction(ctx, async (uow) => {
    const organisationId = uow.actor.organisationId;
    const risk = await lockRisk(uow.db, uow.engine, organisationId, riskIdOrNumber);
    if (!risk) throw notFound(`Risk ${riskIdOrNumber}`);
    const link = await findRiskControl(uow.db, risk.id, controlId);
    if (!link) throw notFound(`Control ${controlId} on ${risk.number}`);
    const control = (await findControl(uow.db, organisationId, controlId))!;
    await deleteRiskControl(uow.db, risk.id, controlId);
    await uow.audit('risk.control_unlinked', { type: 'risk', id: risk.id }, { control_id: controlId, ref: control.ref });
    await recordLinkChange(uow, risk.id, 'risk.control_unlinked', `No longer relies on control ${control.ref} (${control.title})`, { controls: { before: control.ref, after: null } }, { type: 'control', id: controlId, ref: control.ref });
    uow.emit({ type: 'risk.updated', entity_id: risk.id });
  });
}
