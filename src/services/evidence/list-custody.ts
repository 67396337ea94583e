import { signatureHolds } from '../../domain/custody.js';
import type { CustodyAction } from '../../domain/evidence.js';
import { findFirstBreak, type ChainLink } from '../../domain/hash-chain.js';
import { readJson } from '../../store/dialect.js';
import type { Db } from '../../store/database.js';
import { custodyChain, listCustodyEvents } from '../../store/repositories/custody-events.js';
import type { CustodyEventRow, EvidenceItemRow } from '../../store/schema.js';
import { SYSTEM_USER_ID, type ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import type { PersonRef } from './evidence-record.js';
import { loadVisibleEvidence } from './load-evidence.js';
import { userNamesById } from '../../store/repositories/people.js';

export interface CustodyEventRecord {
  id: string;
  evidence_id: string;
  seq: number;
  action: CustodyAction;
  actor: PersonRef;
  from_user: PersonRef | null;
  to_user: PersonRef | null;
  occurred_at: string;
  recorded_at: string;
  location: string;
  purpose: string;
  details: Record<string, unknown>;
  signature: string | null;
  hash: string;
  prev_hash: string;
}

export interface CustodyChainCheck {
  intact: boolean;
  first_break: { seq: number; reason: string } | null;
}

export interface CustodyLog {
  evidence_id: string;
  items: CustodyEventRecord[];
  chain: CustodyChainCheck;
}

/** An item's chain of custody, oldest first, and whether the chain (and each receipt signature in it) still verifies. */
export async function listCustody(ctx: ServiceContext, evidenceId: string): Promise<CustodyLog> {
  authorize(ctx.actor, 'evidence.read');
  const db = ctx.database.db;
  const { item } = await loadVisibleEvidence(db, ctx.actor, evidenceId);
  const rows = await listCustodyEvents(db, item.id);
  return { evidence_id: item.id, items: await toCustodyEventRecords(db, rows), chain: await checkCustodyChain(db, item, rows) };
}

export async function toCustodyEventRecords(db: Db, rows: readonly CustodyEventRow[]): Promise<CustodyEventRecord[]> {
  const names = await userNamesById(db, rows.flatMap((r) => [r.actor_id, r.from_user_id, r.to_user_id]).filter((id): id is string => Boolean(id)));
  const person = (id: string): PersonRef => ({ id, name: id === SYSTEM_USER_ID ? 'System' : (names.get(id) ?? id) });
  return rows.map((row) => ({
    id: row.id,
    evidence_id: row.evidence_id,
    seq: Number(row.seq),
    action: row.action as CustodyAction,
    actor: person(row.actor_id),
    from_user: row.from_user_id ? person(row.from_user_id) : null,
    to_user: row.to_user_id ? person(row.to_user_id) : null,
    occurred_at: row.occurred_at,
    recorded_at: row.recorded_at,
    location: row.location,
    purpose: row.purpose,
    details: readJson<Record<string, unknown>>(row.details),
    signature: row.signature,
    hash: row.hash,
    prev_hash: row.prev_hash,
  }));
}

/**
 * The hash chain re-walked from the stored rows, then each receipt's signature checked against the item
 * and the point of the chain it was made at (a signature copied onto another item or moved in the chain fails).
 */
async function checkCustodyChain(db: Db, item: Pick<EvidenceItemRow, 'id' | 'blob_sha256'>, rows: readonly CustodyEventRow[]): Promise<CustodyChainCheck> {
  const links: ChainLink[] = [];
  for await (const link of custodyChain(db, item.id)) links.push(link);
  const broken = findFirstBreak(links);
  if (broken) return { intact: false, first_break: { seq: broken.seq, reason: broken.reason } };
  for (const row of rows) {
    if (row.action !== 'received' || !row.signature) continue;
    if (!signatureHolds(row.signature, { evidence_id: item.id, sha256: item.blob_sha256, prev_hash: row.prev_hash, user_id: row.actor_id })) {
      return { intact: false, first_break: { seq: Number(row.seq), reason: 'signature_mismatch' } };
    }
  }
  return { intact: true, first_break: null };
}
