import { notFound, stale } from '../../domain/errors.js';
import { findObservable, updateObservable as writeObservable } from '../../store/repositories/observables.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { toObservableRecord, type ObservableRecord } from './observable-record.js';

/**
 * Marks an observable to be ignored for similarity (a shared resolver, a company proxy, an empty
 * file's hash): it stops counting as "seen before" and stops tying alerts together.
 */
export async function updateObservable(ctx: ServiceContext, id: string, expectedVersion: number, changes: { ignore_similarity?: boolean | undefined }): Promise<ObservableRecord> {
  authorize(ctx.actor, 'observable.write');
  return runInTransaction(ctx, async (uow) => {
    const row = await findObservable(uow.db, uow.actor.organisationId, id);
    if (!row) throw notFound(`Observable ${id}`);
    const before = toObservableRecord(row);
    if (expectedVersion !== before.version) throw stale(before.version);
    if (changes.ignore_similarity === undefined || changes.ignore_similarity === before.ignore_similarity) return before;
    if (!(await writeObservable(uow.db, id, before.version, { ignore_similarity: changes.ignore_similarity, updated_at: uow.now }))) throw stale(before.version + 1);
    const diff = { ignore_similarity: { from: before.ignore_similarity, to: changes.ignore_similarity } };
    await uow.audit('observable.update', { type: 'observable', id }, { type: before.type, value: before.value, version: before.version + 1, changes: diff });
    uow.emit({ type: 'observable.updated', entity_id: id, version: before.version + 1 });
    return { ...before, ignore_similarity: changes.ignore_similarity, updated_at: uow.now, version: before.version + 1 };
  });
}
