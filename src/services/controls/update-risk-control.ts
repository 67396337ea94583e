import { notFound, stale } from '../../domain/errors.js';
import { findControl, findRiskControl, updateRiskControl as writeLink } from '../../store/repositories/controls.js';
import { lockRisk } from '../../store/repositories/risks.js';
import type { ServiceContext } from '../context.js';
import { requireActiveUser } from '../members/require-active-user.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { toControlRecord } from './control-record.js';
import type { RiskControlInput } from './link-risk-control.js';
import { recordLinkChange, toRiskControlLink, type RiskControlLink } from './risk-control-link.js';

export type RiskControlChanges = Omit<RiskControlInput, 'control_id'>;

/** Changes a mitigation's status, owner, due date or note; with a version (If-Match) when the caller gives one. */
export async function updateRiskControl(ctx: ServiceContext, riskIdOrNumber: string, controlId: string, expectedVersion: number | undefined, changes: RiskControlChanges): Promise<RiskControlLink> {
  authorize(ctx.actor, 'risk.write');
  return runInTransaction(ctx, async (uow) => {
    const organisationId = uow.actor.organisationId;
    const risk = await lockRisk(uow.db, uow.engine, organisationId, riskIdOrNumber);
    if (!risk) throw notFound(`Risk ${riskIdOrNumber}`);
    const link = await findRiskControl(uow.db, risk.id, controlId);
    if (!link) throw notFound(`Control ${controlId} on ${risk.number}`);
    const version = Number(link.version);
    if (expectedVersion !== undefined && expectedVersion !== version) throw stale(version);
    const control = toControlRecord((await findControl(uow.db, organisationId, controlId))!);
    if (changes.owner_id) await requireActiveUser(uow, changes.owner_id, 'body.owner_id');
    const diff: Record<string, { before: unknown; after: unknown }> = {};
    for (const [field, after] of Object.entries(changes)) {
      if (after === undefined) continue;
      const before = link[field as keyof typeof link];
      if (before !== after) diff[field] = { before, after };
    }
    if (Object.keys(diff).length === 0) return toRiskControlLink(link, control);
    const set = Object.fromEntries(Object.entries(diff).map(([field, { after }]) => [field, after]));
    if (!(await writeLink(uow.db, risk.id, controlId, version, { ...set, updated_at: uow.now, version: version + 1 }))) throw stale(version + 1);
    await uow.audit('risk.control_updated', { type: 'risk', id: risk.id }, { control_id: controlId, ref: control.ref, changes: diff });
    const changed = Object.fromEntries(Object.entries(diff).map(([field, d]) => [`controls.${control.ref}.${field}`, d]));
    await recordLinkChange(uow, risk.id, 'risk.control_updated', `Control ${control.ref}: ${Object.keys(diff).join(', ')} changed`, changed, { type: 'control', id: controlId, ref: control.ref });
    uow.emit({ type: 'risk.updated', entity_id: risk.id });
    return toRiskControlLink((await findRiskControl(uow.db, risk.id, controlId))!, control);
  });
}
