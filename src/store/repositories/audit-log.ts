import { sql } from 'kysely';
import { chainHash, GENESIS_HASH, type ChainLink } from '../../domain/hash-chain.js';
import { newId } from '../../domain/ids.js';
import type { Instant } from '../../domain/time.js';
import type { Db } from '../database.js';
import { readJson, writeJson, type Engine } from '../dialect.js';
import type { AuditLogRow } from '../schema.js';

export interface AuditEntryInput {
  organisation_id: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string;
  details: Record<string, unknown>;
  at: Instant;
}

function hashedContent(row: Omit<AuditLogRow, 'prev_hash' | 'hash'>) {
  return {
    id: row.id,
    organisation_id: row.organisation_id,
    seq: row.seq,
    at: row.at,
    actor_id: row.actor_id,
    action: row.action,
    target_type: row.target_type,
    target_id: row.target_id,
    details: readJson(row.details),
  };
}

/**
 * Appends one link to the organisation's audit chain. On PostgreSQL an advisory lock held until the
 * transaction ends serialises appenders, so two writers never fork the chain; SQLite has one writer.
 */
export async function appendAuditEntry(db: Db, engine: Engine, input: AuditEntryInput): Promise<AuditLogRow> {
  if (engine === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${`audit:${input.organisation_id}`}))`.execute(db);
  const head = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('organisation_id', '=', input.organisation_id)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const base = {
    id: newId('auditEntry'),
    organisation_id: input.organisation_id,
    seq: (head?.seq ?? 0) + 1,
    at: input.at,
    actor_id: input.actor_id,
    action: input.action,
    target_type: input.target_type,
    target_id: input.target_id,
    details: input.details,
  };
  const prev_hash = head?.hash ?? GENESIS_HASH;
  const row: AuditLogRow = { ...base, details: writeJson(input.details), prev_hash, hash: chainHash(prev_hash, hashedContent(base)) };
  await db.insertInto('audit_log').values(row).execute();
  return row;
}

/** Streams the chain of one organisation in order, as links for the domain's chain walker. */
export async function* auditChain(db: Db, organisationId: string, batch = 5000): AsyncGenerator<ChainLink> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(batch)
      .execute();
    for (const row of rows) yield { seq: row.seq, prevHash: row.prev_hash, hash: row.hash, content: hashedContent(row) };
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.seq;
  }
}

export interface AuditQuery {
  organisationId: string;
  targetType?: string | undefined;
  targetId?: string | undefined;
  /** Keyset pagination: only entries older than this sequence number. */
  beforeSeq?: number | undefined;
  limit: number;
}

export type AuditEntryWithActor = AuditLogRow & { actor_name: string | null };

/** Newest first, with the acting user's name (null for the system and for users that are gone). */
export async function listAuditEntries(db: Db, q: AuditQuery): Promise<AuditEntryWithActor[]> {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .selectAll('audit_log')
    .select('users.name as actor_name')
    .where('audit_log.organisation_id', '=', q.organisationId);
  if (q.targetType) query = query.where('audit_log.target_type', '=', q.targetType);
  if (q.targetId) query = query.where('audit_log.target_id', '=', q.targetId);
  if (q.beforeSeq !== undefined) query = query.where('audit_log.seq', '<', q.beforeSeq);
  return query.orderBy('audit_log.seq', 'desc').limit(q.limit).execute();
}
