import type { DatabaseHandle } from '../../store/database.js';
import type { ServiceContext } from '../context.js';

interface Waiting<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

interface Queue {
  waiting: Array<Waiting<unknown, unknown>>;
  running: boolean;
}

/** Requests that may share one transaction: same database, same caller. */
const queues = new WeakMap<DatabaseHandle, Map<string, Queue>>();
const MAX_SHARED = 500;

/**
 * Group commit: a request arriving while the caller's previous commit is under way waits for it and
 * then shares the next transaction with everyone else who arrived meanwhile, so 50 senders cost a
 * few commits (and fsyncs), not 50. The first request of a quiet moment goes straight through. A
 * failed transaction fails every request in it; none is half-stored.
 */
export function inGroupCommit<I, O>(ctx: ServiceContext, item: I, commit: (ctx: ServiceContext, items: I[]) => Promise<O[]>): Promise<O> {
  let byCaller = queues.get(ctx.database);
  if (!byCaller) queues.set(ctx.database, (byCaller = new Map()));
  const key = `${ctx.actor.organisationId}\u0000${ctx.actor.principal}`;
  let queue = byCaller.get(key);
  if (!queue) byCaller.set(key, (queue = { waiting: [], running: false }));
  const current = queue;
  const done = new Promise<O>((resolve, reject) => current.waiting.push({ item, resolve, reject } as Waiting<unknown, unknown>));
  if (!current.running) void drain(ctx, current, commit as (ctx: ServiceContext, items: unknown[]) => Promise<unknown[]>);
  return done;
}

async function drain(ctx: ServiceContext, queue: Queue, commit: (ctx: ServiceContext, items: unknown[]) => Promise<unknown[]>): Promise<void> {
  queue.running = true;
  try {
    while (queue.waiting.length > 0) {
      // One turn of the event loop lets requests already received reach the queue and share this commit
      // (on SQLite a transaction otherwise runs start to end before any other request is parsed).
      await new Promise((resolve) => setImmediate(resolve));
      const taken = queue.waiting.splice(0, MAX_SHARED);
      try {
        const outputs = await commit(ctx, taken.map((w) => w.item));
        taken.forEach((w, i) => w.resolve(outputs[i]));
      } catch (error) {
        for (const w of taken) w.reject(error);
      }
    }
  } finally {
    queue.running = false;
  }
}
