import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { simulatePortfolio } from '../../../src/domain/fair/portfolio.js';
import { simulate } from '../../../src/domain/fair/simulate.js';
import { simulatePortfolioOnPool } from '../../../src/services/simulations/run-portfolio-simulation.js';
import { SimulationPool } from '../../../src/services/simulations/simulation-pool.js';

/** The worker pool really runs in worker threads, from the TypeScript sources, and agrees with the calling thread. */
describe('simulation worker pool', () => {
  const pool = new SimulationPool(2);
  afterAll(async () => pool.close());

  const members = Array.from({ length: 7 }, (_, i) => ({
    risk_id: `rsk_${i}`,
    number: `RISK-000${i}`,
    title: `Risk ${i}`,
    inputs: { threat_event_frequency: { min: 0.1, most_likely: 0.5 + i, max: 3 + i }, vulnerability: 0.3, primary_loss: { low: 1000 * (i + 1), high: 100_000 * (i + 1) } },
  }));

  it('answers from another thread, exactly as the calling thread would', async () => {
    const inputs = members[3]!.inputs;
    const { answer, threadId: worker } = await pool.run({ kind: 'simulate', inputs, iterations: 10_000, seed: 3 });
    expect(worker).toBeGreaterThan(0);
    expect(worker).not.toBe(threadId);
    expect(answer).toEqual(simulate(inputs, 10_000, 3));
  });

  it('spreads a portfolio over the workers, reports progress, and equals the single-thread portfolio', async () => {
    const progress: number[] = [];
    const outcome = await simulatePortfolioOnPool(members, 5000, 9, (p) => progress.push(p), pool);
    expect(outcome.threads).toHaveLength(2);
    expect(outcome.threads).not.toContain(threadId);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBeCloseTo(0.95, 9);

    const reference = simulatePortfolio(members.map((m) => ({ key: m.risk_id, inputs: m.inputs })), 5000, 9);
    expect(outcome.total).toEqual(reference.total);
    expect(outcome.risks.map(({ risk_id, number: _n, title: _t, ...c }) => ({ key: risk_id, ...c }))).toEqual(reference.risks);
  });

  it('gives the same bits with another number of workers', async () => {
    const single = new SimulationPool(1);
    try {
      const one = await simulatePortfolioOnPool(members, 2000, 4, () => undefined, single);
      const two = await simulatePortfolioOnPool(members, 2000, 4, () => undefined, pool);
      expect(one.total).toEqual(two.total);
      expect(one.risks).toEqual(two.risks);
    } finally {
      await single.close();
    }
  });

  it('a failing request is an error, and the pool goes on', async () => {
    await expect(pool.run({ kind: 'simulate', inputs: { threat_event_frequency: 1, vulnerability: 1, primary_loss: { bogus: 1 } as never }, iterations: 10, seed: 1 })).rejects.toThrow(/unknown factor/);
    expect((await pool.run({ kind: 'simulate', inputs: members[0]!.inputs, iterations: 100, seed: 1 })).answer).toEqual(simulate(members[0]!.inputs, 100, 1));
  });
});
