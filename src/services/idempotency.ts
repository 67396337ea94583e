import { conflict } from '../domain/errors.js';
import { readJson } from '../store/dialect.js';
import { findIdempotencyKey, insertIdempotencyKey } from '../store/repositories/plumbing.js';
import type { UnitOfWork } from './transaction.js';

/** What the caller sent as `Idempotency-Key`, with a hash of the request it came with. */
export interface IdempotencyRequest {
  key: string;
  requestHash: string;
}

/**
 * A retried create (same key, same request) returns what the first one created instead of creating
 * it again; the same key with a different request is refused. Keys are scoped to the caller.
 */
export async function priorIdempotentResult(uow: UnitOfWork, request: IdempotencyRequest | undefined): Promise<string | null> {
  if (!request) return null;
  const prior = await findIdempotencyKey(uow.db, uow.actor.organisationId, uow.actor.principal, request.key);
  if (!prior) return null;
  if (prior.request_hash !== request.requestHash) {
    throw conflict(`Idempotency-Key "${request.key}" was already used for a different request. Use a new key for a new request.`);
  }
  return readJson<{ id: string }>(prior.response).id;
}

export async function rememberIdempotentResult(uow: UnitOfWork, request: IdempotencyRequest | undefined, createdId: string, statusCode = 201): Promise<void> {
  if (!request) return;
  await insertIdempotencyKey(uow.db, {
    organisation_id: uow.actor.organisationId,
    principal: uow.actor.principal,
    key: request.key,
    request_hash: request.requestHash,
    status_code: statusCode,
    response: { id: createdId },
    created_at: uow.now,
  });
}
