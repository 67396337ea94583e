import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FairAnswer, FairRequest } from './fair-work.js';

/**
 * A pool of worker threads for FAIR simulations, sized to the CPU count, so a simulation never
 * blocks the request thread. Workers start on first use and do not keep the process alive while idle.
 *
 * From source (tests, `npm run bench`, `npm run dev` — all through tsx) the worker is the .ts file
 * started behind tsx's loader; from dist (`npm start`) it is the compiled .js beside this file.
 */

interface Pending {
  resolve: (value: { answer: FairAnswer; threadId: number }) => void;
  reject: (error: Error) => void;
  onProgress: ((done: number) => void) | undefined;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

const fromSource = import.meta.url.endsWith('.ts');
const entry = new URL(fromSource ? './fair-worker.ts' : './fair-worker.js', import.meta.url);

/** Under tsx the worker first registers tsx's ESM loader, then imports the TypeScript entry. */
const BOOTSTRAP = `const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); });`;

function startWorker(): Worker {
  if (!fromSource) return new Worker(entry);
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  return new Worker(BOOTSTRAP, { eval: true, workerData: { tsx: pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href, entry: entry.href } });
}

export class SimulationPool {
  readonly size: number;
  private readonly slots: (Slot | undefined)[];
  private nextId = 1;
  private closed = false;

  constructor(size = availableParallelism()) {
    this.size = Math.max(1, size);
    this.slots = Array.from({ length: this.size }, () => undefined);
  }

  /**
   * Runs a request on a worker: the given one (a portfolio's second phase goes where its first ran),
   * or the least busy. Resolves with the answer and the id of the thread that computed it.
   */
  run(request: FairRequest, options: { worker?: number; transfer?: ArrayBuffer[]; onProgress?: (done: number) => void } = {}): Promise<{ answer: FairAnswer; threadId: number }> {
    if (this.closed) return Promise.reject(new Error('the simulation pool is closed'));
    const index = options.worker ?? this.leastBusy();
    const slot = this.slot(index % this.size);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject, onProgress: options.onProgress });
      slot.worker.ref();
      slot.worker.postMessage({ id, request }, options.transfer ?? []);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s?.worker.terminate()));
  }

  private leastBusy(): number {
    let best = 0;
    let load = Infinity;
    this.slots.forEach((slot, i) => {
      const n = slot?.pending.size ?? 0;
      if (n < load) {
        best = i;
        load = n;
      }
    });
    return best;
  }

  private slot(index: number): Slot {
    const existing = this.slots[index];
    if (existing) return existing;
    const slot: Slot = { worker: startWorker(), pending: new Map() };
    slot.worker.unref();
    slot.worker.on('message', (message: { id: number; progress?: number; ok?: boolean; answer?: FairAnswer; error?: string; thread_id?: number }) => {
      const pending = slot.pending.get(message.id);
      if (!pending) return;
      if (message.progress !== undefined && message.ok === undefined) {
        pending.onProgress?.(message.progress);
        return;
      }
      slot.pending.delete(message.id);
      if (slot.pending.size === 0) slot.worker.unref();
      if (message.ok) pending.resolve({ answer: message.answer ?? null, threadId: message.thread_id ?? -1 });
      else pending.reject(new Error(message.error ?? 'the simulation failed'));
    });
    const fail = (error: Error) => {
      // a dead worker fails what it had and is replaced on next use
      if (this.slots[index] === slot) this.slots[index] = undefined;
      for (const p of slot.pending.values()) p.reject(error);
      slot.pending.clear();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => fail(new Error(`the simulation worker stopped (exit code ${code})`)));
    this.slots[index] = slot;
    return slot;
  }
}

let shared: SimulationPool | undefined;

/** The process's pool. */
export function simulationPool(): SimulationPool {
  shared ??= new SimulationPool();
  return shared;
}

export async function closeSimulationPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}
