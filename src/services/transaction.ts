import type { Transaction } from 'kysely';
import { conflict } from '../domain/errors.js';
import type { Instant } from '../domain/time.js';
import type { Db } from '../store/database.js';
import type { Engine } from '../store/dialect.js';
import { appendAuditEntry } from '../store/repositories/audit-log.js';
import type { Database } from '../store/schema.js';
import type { Actor, ServiceContext } from './context.js';
import type { DomainEvent } from './events.js';
import { enqueueWebhookEvents } from './webhooks/enqueue-webhook-events.js';

export const DEFAULT_PUBLIC_URL = 'http://localhost:8080';

/** What a use case gets inside its transaction: the connection, the time, and the audit and event sinks. */
export interface UnitOfWork {
  db: Db;
  engine: Engine;
  now: Instant;
  actor: Actor;
  /** BULWARK_PUBLIC_URL without a trailing slash, for links in e-mails. */
  publicUrl: string;
  audit(action: string, target: { type: string; id: string }, details: Record<string, unknown>): Promise<void>;
  /** Published to live subscribers only after the transaction commits. */
  emit(event: Omit<DomainEvent, 'organisation_id' | 'actor_id' | 'at'>): void;
}

/**
 * Runs one use case in one transaction: the change, its audit entry and its events commit together
 * or not at all.
 */
export async function runInTransaction<T>(ctx: ServiceContext, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  const now = ctx.clock.now();
  const events: DomainEvent[] = [];
  const result = await ctx.database.db.transaction().execute(async (trx: Transaction<Database>) => {
    const uow: UnitOfWork = {
      db: trx,
      engine: ctx.database.engine,
      now,
      actor: ctx.actor,
      publicUrl: (ctx.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, ''),
      audit: async (action, target, details) => {
        await appendAuditEntry(trx, ctx.database.engine, {
          organisation_id: ctx.actor.organisationId,
          actor_id: ctx.actor.userId,
          action,
          target_type: target.type,
          target_id: target.id,
          details: ctx.actor.principal !== ctx.actor.userId ? { ...details, via: ctx.actor.principal } : details,
          at: now,
        });
      },
      emit: (event) => events.push({ ...event, organisation_id: ctx.actor.organisationId, actor_id: ctx.actor.userId, at: now }),
    };
    const value = await work(uow);
    // Webhook deliveries commit with the change they announce (the transactional outbox).
    if (events.length > 0) await enqueueWebhookEvents(uow, events);
    return value;
  }).catch((error: unknown) => {
    throw isUniqueViolation(error)
      ? conflict('This clashes with something created at the same moment (the same e-mail, key or number). Reload and try again.')
      : error;
  });
  for (const event of events) ctx.events.publish(event);
  return result;
}

/** Two writers racing past the same "does it exist?" check: the database's unique index decides, and the loser gets a 409. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
