import { conflict, invalid, notFound, stale } from '../../domain/errors.js';
import { findControl, findCustomControlByRef, riskIdsRelyingOn, updateControl as writeControl } from '../../store/repositories/controls.js';
import type { ServiceContext } from '../context.js';
import { requireActiveUser } from '../members/require-active-user.js';
import { authorize } from '../policies/authorize.js';
import { rescoreRisks } from '../risks/rescore-risks.js';
import { runInTransaction } from '../transaction.js';
import { toControlRecord, type ControlRecord } from './control-record.js';
import type { ControlAssessment, CustomControlInput } from './create-control.js';

export type ControlChanges = ControlAssessment & Partial<Pick<CustomControlInput, 'ref' | 'title' | 'description' | 'family'>>;

const TEXT_FIELDS = ['ref', 'title', 'description', 'family'] as const;
/** What residual scoring reads: a change re-scores every risk relying on the control. */
const SCORED_FIELDS = new Set(['implementation_status', 'effectiveness']);

/**
 * Records the organisation's assessment of a control (status, owner, effectiveness, maturity, tests,
 * evidence); the text of a custom control too. Needs the version the editor saw. A change of status
 * or effectiveness re-scores the risks relying on the control in the same transaction.
 */
export async function updateControl(ctx: ServiceContext, id: string, expectedVersion: number, changes: ControlChanges): Promise<ControlRecord> {
  authorize(ctx.actor, 'risk.write');
  return runInTransaction(ctx, async (uow) => {
    const organisationId = uow.actor.organisationId;
    const row = await findControl(uow.db, organisationId, id, true);
    if (!row) throw notFound(`Control ${id}`);
    const current = toControlRecord(row);
    if (current.version !== expectedVersion) throw stale(current.version);
    const textChanged = TEXT_FIELDS.filter((f) => changes[f] !== undefined);
    if (current.catalog_id && textChanged.length) {
      throw invalid('The text of a catalog control comes from its catalog; re-import the catalog to change it.', textChanged.map((f) => ({ path: `body.${f}`, message: 'only custom controls can change it' })));
    }
    if (changes.ref !== undefined && changes.ref !== current.ref && (await findCustomControlByRef(uow.db, organisationId, changes.ref))) throw conflict(`There is already a custom control ${changes.ref}.`);
    if (changes.owner_id) await requireActiveUser(uow, changes.owner_id, 'body.owner_id');

    const diff: Record<string, { before: unknown; after: unknown }> = {};
    for (const [field, after] of Object.entries(changes)) {
      if (after === undefined) continue;
      const before = current[field as keyof ControlRecord];
      if (before !== after) diff[field] = { before, after };
    }
    if (Object.keys(diff).length === 0) return current;
    const version = current.version + 1;
    const set = Object.fromEntries(Object.entries(diff).map(([field, { after }]) => [field, after]));
    if (!(await writeControl(uow.db, id, current.version, { ...set, updated_at: uow.now, updated_by: uow.actor.userId, version }))) throw stale(version);
    await uow.audit('control.updated', { type: 'control', id }, { ref: current.ref, changes: diff });
    uow.emit({ type: 'control.updated', entity_id: id, version });

    const scored = Object.keys(diff).filter((f) => SCORED_FIELDS.has(f));
    if (scored.length) {
      const riskIds = await riskIdsRelyingOn(uow.db, id);
      if (riskIds.length) {
        const what = scored.map((f) => `${f.replace('_', ' ')} ${String(diff[f]!.before ?? 'unset')} → ${String(diff[f]!.after ?? 'unset')}`).join(', ');
        await rescoreRisks(uow, riskIds, { action: 'control.update', reason: `Control ${current.ref}: ${what}`, source: { type: 'control', id, ref: current.ref } });
      }
    }
    return toControlRecord((await findControl(uow.db, organisationId, id))!);
  });
}
