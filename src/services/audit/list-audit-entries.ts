import { invalid } from '../../domain/errors.js';
import { decodeCursor, encodeCursor, type Page } from '../../domain/pagination.js';
import { readJson } from '../../store/dialect.js';
import { listAuditEntries as queryAudit } from '../../store/repositories/audit-log.js';
import { SYSTEM_USER_ID, type ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';

export interface AuditEntryRecord {
  id: string;
  seq: number;
  at: string;
  actor: { id: string; name: string } | null;
  action: string;
  target_type: string;
  target_id: string;
  details: Record<string, unknown>;
  hash: string;
}

export interface AuditListInput {
  target_type?: string | undefined;
  target_id?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** The organisation's audit log, newest first (auditors and administrators). */
export async function listAuditEntries(ctx: ServiceContext, input: AuditListInput): Promise<Page<AuditEntryRecord>> {
  authorize(ctx.actor, 'audit.read');
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  if (input.cursor && (!after || typeof after.value !== 'number')) throw invalid('The cursor is not one this server handed out.', [{ path: 'cursor', message: 'malformed cursor' }]);
  const rows = await queryAudit(ctx.database.db, {
    organisationId: ctx.actor.organisationId,
    targetType: input.target_type,
    targetId: input.target_id,
    beforeSeq: after ? Number(after.value) : undefined,
    limit: input.limit + 1,
  });
  const items = rows.slice(0, input.limit).map((row) => ({
    id: row.id,
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor_id === null ? null : { id: row.actor_id, name: row.actor_id === SYSTEM_USER_ID ? 'System' : (row.actor_name ?? row.actor_id) },
    action: row.action,
    target_type: row.target_type,
    target_id: row.target_id,
    details: readJson<Record<string, unknown>>(row.details),
    hash: row.hash,
  }));
  const last = items[items.length - 1];
  return { items, next_cursor: rows.length > input.limit && last ? encodeCursor({ value: last.seq, id: last.id }) : null };
}
