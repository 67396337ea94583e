import type { RiskControlStatus } from '../../domain/controls.js';
import { conflict, invalid, notFound } from '../../domain/errors.js';
import { findControl, findRiskControl, insertRiskControl } from '../../store/repositories/controls.js';
import { lockRisk } from '../../store/repositories/risks.js';
import type { ServiceContext } from '../context.js';
import { requireActiveUser } from '../members/require-active-user.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { toControlRecord } from './control-record.js';
import { recordLinkChange, toRiskControlLink, type RiskControlLink } from './risk-control-link.js';

export interface RiskControlInput {
  control_id: string;
  status?: RiskControlStatus | undefined;
  owner_id?: string | null | undefined;
  due_at?: string | null | undefined;
  note?: string | undefined;
}

/** Makes a risk rely on a control (a mitigation with an owner and a due date, when it is still to do); re-scores the risk. */
export async function linkRiskControl(ctx: ServiceContext, riskIdOrNumber: string, input: RiskControlInput): Promise<RiskControlLink> {
  authorize(ctx.actor, 'risk.write');
  return runInTransaction(ctx, async (uow) => {
    const organisationId = uow.actor.organisationId;
    const risk = await lockRisk(uow.db, uow.engine, organisationId, riskIdOrNumber);
    if (!risk) throw notFound(`Risk ${riskIdOrNumber}`);
    const controlRow = await findControl(uow.db, organisationId, input.control_id);
    if (!controlRow) throw invalid(`${input.control_id} is not a control of this organisation.`, [{ path: 'body.control_id', message: 'unknown control' }]);
    const control = toControlRecord(controlRow);
    if (await findRiskControl(uow.db, risk.id, control.id)) throw conflict(`${risk.number} already relies on ${control.ref}.`);
    if (input.owner_id) await requireActiveUser(uow, input.owner_id, 'body.owner_id');
    const row = {
      organisation_id: organisationId,
      risk_id: risk.id,
      control_id: control.id,
      status: input.status ?? 'planned',
      owner_id: input.owner_id ?? null,
      due_at: input.due_at ?? null,
      note: input.note ?? '',
      created_at: uow.now,
      created_by: uow.actor.userId,
      updated_at: uow.now,
      version: 1,
    };
    await insertRiskControl(uow.db, row);
    await uow.audit('risk.control_linked', { type: 'risk', id: risk.id }, { control_id: control.id, ref: control.ref, status: row.status });
    await recordLinkChange(uow, risk.id, 'risk.control_linked', `Relies on control ${control.ref} (${control.title})`, { controls: { before: null, after: control.ref } }, { type: 'control', id: control.id, ref: control.ref });
    uow.emit({ type: 'risk.updated', entity_id: risk.id });
    return toRiskControlLink(row, control);
  });
}
