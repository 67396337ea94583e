import type { ImplementationStatus } from '../../domain/controls.js';
import { conflict } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { findControl, findCustomControlByRef, insertControl } from '../../store/repositories/controls.js';
import type { ServiceContext } from '../context.js';
import { requireActiveUser } from '../members/require-active-user.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { toControlRecord, type ControlRecord } from './control-record.js';

/** What the organisation records about any control, from a catalog or its own. */
export interface ControlAssessment {
  implementation_status?: ImplementationStatus | undefined;
  owner_id?: string | null | undefined;
  effectiveness?: number | null | undefined;
  maturity?: number | null | undefined;
  last_tested_at?: string | null | undefined;
  next_test_at?: string | null | undefined;
  evidence_notes?: string | undefined;
}

export interface CustomControlInput extends ControlAssessment {
  ref: string;
  title: string;
  description?: string | undefined;
  family?: string | undefined;
}

/** Adds one of the organisation's own controls (no catalog); its ref is unique among them. */
export async function createControl(ctx: ServiceContext, input: CustomControlInput): Promise<ControlRecord> {
  authorize(ctx.actor, 'risk.write');
  return runInTransaction(ctx, async (uow) => {
    const organisationId = uow.actor.organisationId;
    if (await findCustomControlByRef(uow.db, organisationId, input.ref)) throw conflict(`There is already a custom control ${input.ref}.`);
    if (input.owner_id) await requireActiveUser(uow, input.owner_id, 'body.owner_id');
    const id = newId('control');
    await insertControl(uow.db, {
      id,
      organisation_id: organisationId,
      catalog_id: null,
      ref: input.ref,
      title: input.title,
      description: input.description ?? '',
      family: input.family ?? '',
      parent_ref: null,
      position: 0,
      implementation_status: input.implementation_status ?? 'not_implemented',
      owner_id: input.owner_id ?? null,
      effectiveness: input.effectiveness ?? null,
      maturity: input.maturity ?? null,
      last_tested_at: input.last_tested_at ?? null,
      next_test_at: input.next_test_at ?? null,
      evidence_notes: input.evidence_notes ?? '',
      created_at: uow.now,
      created_by: uow.actor.userId,
      updated_at: uow.now,
      updated_by: uow.actor.userId,
      version: 1,
    });
    await uow.audit('control.created', { type: 'control', id }, { ref: input.ref, title: input.title });
    uow.emit({ type: 'control.created', entity_id: id, version: 1 });
    return toControlRecord((await findControl(uow.db, organisationId, id))!);
  });
}
