import { chainHash, GENESIS_HASH, type ChainLink } from '../../domain/hash-chain.js';
import type { CustodyAction, CustodyEventContent } from '../../domain/evidence.js';
import { newId } from '../../domain/ids.js';
import type { Instant } from '../../domain/time.js';
import type { Db } from '../database.js';
import { readJson, writeJson } from '../dialect.js';
import type { CustodyEventRow } from '../schema.js';

export interface CustodyEventInput {
  organisation_id: string;
  evidence_id: string;
  action: CustodyAction;
  actor_id: string;
  from_user_id?: string | null;
  to_user_id?: string | null;
  occurred_at: Instant;
  recorded_at: Instant;
  location?: string;
  purpose?: string;
  details?: Record<string, unknown>;
  signature?: string | null;
}

function hashedContent(row: Omit<CustodyEventRow, 'prev_hash' | 'hash' | 'organisation_id'>): CustodyEventContent {
  return {
    id: row.id,
    evidence_id: row.evidence_id,
    seq: row.seq,
    action: row.action as CustodyAction,
    actor_id: row.actor_id,
    from_user_id: row.from_user_id,
    to_user_id: row.to_user_id,
    occurred_at: row.occurred_at,
    recorded_at: row.recorded_at,
    location: row.location,
    purpose: row.purpose,
    details: readJson<Record<string, unknown>>(row.details),
    signature: row.signature,
  };
}

/** Appends to the item's custody chain. Callers hold the item's row lock (lockEvidenceItem) so two appends cannot fork the chain. */
export async function appendCustodyEvent(db: Db, input: CustodyEventInput): Promise<CustodyEventRow> {
  const head = await db.selectFrom('custody_events').select(['seq', 'hash']).where('evidence_id', '=', input.evidence_id).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const base = {
    id: newId('custodyEvent'),
    organisation_id: input.organisation_id,
    evidence_id: input.evidence_id,
    seq: (head?.seq ?? 0) + 1,
    action: input.action,
    actor_id: input.actor_id,
    from_user_id: input.from_user_id ?? null,
    to_user_id: input.to_user_id ?? null,
    occurred_at: input.occurred_at,
    recorded_at: input.recorded_at,
    location: input.location ?? '',
    purpose: input.purpose ?? '',
    details: writeJson(input.details ?? {}),
    signature: input.signature ?? null,
  };
  const prev_hash = head?.hash ?? GENESIS_HASH;
  const row: CustodyEventRow = { ...base, prev_hash, hash: chainHash(prev_hash, hashedContent(base)) };
  await db.insertInto('custody_events').values(row).execute();
  return row;
}

/** The item's custody events, oldest first, with the names of the people in them. */
export async function listCustodyEvents(db: Db, evidenceId: string): Promise<Array<CustodyEventRow & { actor_name: string | null }>> {
  return db
    .selectFrom('custody_events')
    .leftJoin('users', 'users.id', 'custody_events.actor_id')
    .selectAll('custody_events')
    .select('users.name as actor_name')
    .where('custody_events.evidence_id', '=', evidenceId)
    .orderBy('custody_events.seq')
    .execute();
}

/** The chain as the hash-chain walker reads it (`findFirstBreak`). */
export async function* custodyChain(db: Db, evidenceId: string): AsyncGenerator<ChainLink> {
  const rows = await db.selectFrom('custody_events').selectAll().where('evidence_id', '=', evidenceId).orderBy('seq').execute();
  for (const row of rows) yield { seq: row.seq, prevHash: row.prev_hash, hash: row.hash, content: hashedContent(row) };
}

/** Every evidence item, whose custody chains `bulwark verify` re-walks. */
export async function listCustodySubjects(db: Db): Promise<Array<{ id: string; number: string }>> {
  return db.selectFrom('evidence_items').select(['id', 'number']).orderBy('id').execute();
}
