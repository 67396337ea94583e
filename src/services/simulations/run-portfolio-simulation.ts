import type { FairInputs } from '../../domain/fair/inputs.js';
import { addInto, portfolioResult, portfolioSlices, tailMask, type PortfolioRisk } from '../../domain/fair/portfolio.js';
import type { SimulationResult } from '../../domain/fair/statistics.js';
import { updateSimulation } from '../../store/repositories/simulations.js';
import type { ServiceContext } from '../context.js';
import type { ChunkAnswer } from './fair-work.js';
import { simulationPool, type SimulationPool } from './simulation-pool.js';

export interface PortfolioMember {
  risk_id: string;
  number: string;
  title: string;
  inputs: FairInputs;
}

export interface PortfolioContribution {
  risk_id: string;
  number: string;
  title: string;
  mean: number;
  share_of_mean: number;
  tail_mean: number;
  share_of_tail: number;
}

export interface PortfolioOutcome {
  total: SimulationResult;
  risks: PortfolioContribution[];
  /** Worker threads that did the work (their thread ids). */
  threads: number[];
}

/** Above this many kept values per worker (8 bytes each) a worker simulates again in phase 2 rather than hold them. */
const KEEP_VALUES_PER_WORKER = 8_000_000;
/** Phase 1 (simulating) is this share of the progress; the tail contributions the rest. */
const PHASE_ONE = 0.95;

/**
 * Simulates a portfolio on the worker pool: the risks are dealt into slices (portfolioSlices), each
 * simulated by a worker for every year, which answers the slice's per-year sum; the sums, added in
 * slice order, make the portfolio's years (the same bits whatever the CPU count); then each worker
 * answers its risks' average loss in the portfolio's tail years. Progress goes to `onProgress`.
 */
export async function simulatePortfolioOnPool(
  members: readonly PortfolioMember[],
  iterations: number,
  seed: number,
  onProgress: (progress: number) => void,
  pool: SimulationPool = simulationPool(),
): Promise<PortfolioOutcome> {
  const risks: PortfolioRisk[] = members.map((m) => ({ key: m.risk_id, inputs: m.inputs }));
  const slices = portfolioSlices(risks);
  const job = `portfolio-${seed}-${Math.random().toString(36).slice(2)}`;
  const workerOf = (slice: number) => slice % pool.size;
  const jobOf = (slice: number) => `${job}/${slice}`;
  const done = new Array<number>(slices.length).fill(0);
  const report = () => onProgress((PHASE_ONE * done.reduce((s, d) => s + d, 0)) / risks.length);
  const threads = new Set<number>();
  try {
    const chunks = await Promise.all(
      slices.map(async (slice, s) => {
        const keep = (risks.length / pool.size) * iterations <= KEEP_VALUES_PER_WORKER;
        const { answer, threadId } = await pool.run(
          { kind: 'portfolio-chunk', job: jobOf(s), risks: slice, iterations, seed, keep },
          {
            worker: workerOf(s),
            onProgress: (n) => {
              done[s] = n;
              report();
            },
          },
        );
        threads.add(threadId);
        return answer as ChunkAnswer;
      }),
    );
    const totals = new Float64Array(iterations);
    for (const chunk of chunks) addInto(totals, chunk.totals);
    const mask = tailMask(totals);
    const tails = await Promise.all(
      slices.map(async (slice, s) => (await pool.run({ kind: 'portfolio-tail', job: jobOf(s), risks: slice, iterations, seed, mask }, { worker: workerOf(s) })).answer as { key: string; tail_mean: number }[]),
    );
    const tailOf = new Map(tails.flat().map((t) => [t.key, t.tail_mean]));
    const meanOf = new Map(chunks.flatMap((c) => c.risks).map((r) => [r.key, r.mean]));
    const perRisk = risks.map((r) => ({ key: r.key, mean: meanOf.get(r.key) ?? 0, tail_mean: tailOf.get(r.key) ?? 0 }));
    const result = portfolioResult(totals, seed, perRisk, mask);
    const byId = new Map(members.map((m) => [m.risk_id, m]));
    return {
      total: result.total,
      risks: result.risks.map(({ key, ...c }) => ({ risk_id: key, number: byId.get(key)!.number, title: byId.get(key)!.title, ...c })),
      threads: [...threads],
    };
  } catch (error) {
    await Promise.all(slices.map((_, s) => pool.run({ kind: 'release', job: jobOf(s) }, { worker: workerOf(s) }).catch(() => undefined)));
    throw error;
  }
}

/** Portfolio runs in flight in this process, by simulation id. */
const running = new Map<string, Promise<void>>();

/** Waits for the portfolio runs in flight (tests, shutdown). */
export async function settlePortfolioRuns(): Promise<void> {
  while (running.size) await Promise.allSettled([...running.values()]);
}

export const isRunningHere = (simulationId: string): boolean => running.has(simulationId);

/**
 * Runs a started portfolio in the background: progress written to its row and sent as
 * `simulation.progress` events (at most every 5 %), then the result (`simulation.finished`).
 */
export function runPortfolioInBackground(ctx: ServiceContext, simulationId: string, members: readonly PortfolioMember[], iterations: number, seed: number): void {
  const { database, events, clock, actor } = ctx;
  const publish = (type: string, progress: number) =>
    events.publish({ type, organisation_id: actor.organisationId, entity_id: simulationId, actor_id: actor.userId, at: clock.now(), progress });
  let writes = Promise.resolve();
  let lastStep = 0;
  const onProgress = (progress: number) => {
    const step = Math.floor(progress * 20);
    if (step <= lastStep) return;
    lastStep = step;
    writes = writes.then(async () => {
      await updateSimulation(database.db, simulationId, { progress: Math.min(progress, 0.99) });
      publish('simulation.progress', progress);
    }).catch(() => undefined);
  };
  const work = (async () => {
    try {
      const outcome = await simulatePortfolioOnPool(members, iterations, seed, onProgress);
      await writes;
      await updateSimulation(database.db, simulationId, { status: 'finished', progress: 1, result: { total: outcome.total, risks: outcome.risks }, finished_at: clock.now() });
      publish('simulation.finished', 1);
    } catch (error) {
      await writes;
      await updateSimulation(database.db, simulationId, { status: 'failed', error: error instanceof Error ? error.message : String(error), finished_at: clock.now() }).catch(() => undefined);
      publish('simulation.finished', lastStep / 20);
    }
  })();
  running.set(simulationId, work);
  void work.finally(() => running.delete(simulationId));
}
