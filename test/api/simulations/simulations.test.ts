import { describe, expect, it, vi } from 'vitest';
import type { DomainEvent } from '../../../src/services/events.js';
import { settlePortfolioRuns } from '../../../src/services/simulations/run-portfolio-simulation.js';
import { describeApiOnEachEngine, type TestApp } from '../../support/test-app.js';

const inputs = {
  threat_event_frequency: { min: 0.5, most_likely: 2, max: 6 },
  vulnerability: { min: 0.1, most_likely: 0.3, max: 0.6 },
  primary_loss: { low: 10_000, high: 400_000 },
  secondary_loss_probability: 0.2,
  secondary_loss: { min: 5000, most_likely: 50_000, max: 500_000 },
};
const whatIf = (extra: Record<string, unknown> = {}) => ({ iterations: 20_000, seed: 7, ...inputs, ...extra });

async function quantifiedRisk(t: TestApp, fairInputs: unknown = inputs, title = 'Ransomware on the file servers') {
  const res = await t.call('POST', '/api/v1/risks', { body: { title, category: 'cyber_attack', inherent_likelihood: 'low', inherent_impact: 'low', fair_inputs: fairInputs } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string; version: number };
}

async function finished(t: TestApp, id: string) {
  await settlePortfolioRuns();
  const res = await t.call('GET', `/api/v1/simulations/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describeApiOnEachEngine('FAIR simulations API', (t, engine) => {
  describe('POST /simulations (what-if)', () => {
    it('answers exactly the fixed shape, and the same seed gives the same answer', async () => {
      const res = await t().call('POST', '/api/v1/simulations', { body: whatIf() });
      expect(res.statusCode, res.body).toBe(200);
      const result = res.json();
      expect(Object.keys(result).sort()).toEqual(['iterations', 'lec', 'mean', 'p10', 'p50', 'p90', 'p95', 'p99', 'probability_of_loss', 'seed'].sort());
      expect(result).toMatchObject({ iterations: 20_000, seed: 7 });
      expect(result.p10).toBeLessThanOrEqual(result.p50);
      expect(result.p95).toBeLessThanOrEqual(result.p99);
      expect(result.lec.length).toBeGreaterThan(40);
      expect(result.lec[0]).toEqual({ loss: expect.any(Number), probability: result.probability_of_loss });
      expect((await t().call('POST', '/api/v1/simulations', { body: whatIf() })).json()).toEqual(result);
      expect((await t().call('POST', '/api/v1/simulations', { body: whatIf({ seed: 8 }) })).json().mean).not.toBe(result.mean);
    });

    it('picks a seed when none is given and says which', async () => {
      const res = await t().call('POST', '/api/v1/simulations', { body: { threat_event_frequency: 1, vulnerability: 1, primary_loss: 100 } });
      expect(res.statusCode, res.body).toBe(200);
      const { seed, iterations } = res.json();
      expect(Number.isInteger(seed)).toBe(true);
      expect(iterations).toBe(10_000);
      expect((await t().call('POST', '/api/v1/simulations', { body: { threat_event_frequency: 1, vulnerability: 1, primary_loss: 100, seed } })).json()).toEqual(res.json());
    });

    it.each([
      ['min > max', { primary_loss: { min: 10, most_likely: 5, max: 1 } }, 'body.primary_loss.min'],
      ['most likely outside [min, max]', { primary_loss: { min: 1, most_likely: 50, max: 10 } }, 'body.primary_loss.most_likely'],
      ['a negative frequency', { threat_event_frequency: -0.5 }, 'body.threat_event_frequency'],
      ['a negative frequency in a range', { threat_event_frequency: { min: -1, most_likely: 1, max: 2 } }, 'body.threat_event_frequency.min'],
      ['a vulnerability above 1', { vulnerability: 1.2 }, 'body.vulnerability'],
      ['a probability below 0', { secondary_loss_probability: { min: -0.1, most_likely: 0.1, max: 0.2 } }, 'body.secondary_loss_probability.min'],
      ['low ≥ high', { primary_loss: { low: 100, high: 100 } }, 'body.primary_loss.high'],
      ['low ≤ 0', { primary_loss: { low: 0, high: 100 } }, 'body.primary_loss.low'],
      ['a lognormal probability', { vulnerability: { low: 0.1, high: 0.5 } }, 'body.vulnerability'],
      ['no vulnerability', { vulnerability: undefined }, 'body.vulnerability'],
      ['not a factor', { primary_loss: 'a lot' }, 'body.primary_loss'],
      ['too many iterations', { iterations: 1_000_001 }, 'body.iterations'],
      ['an unknown field', { loss_magnitude: 5 }, 'body'],
    ])('%s is a 400 naming the field', async (_, extra, path) => {
      const res = await t().call('POST', '/api/v1/simulations', { body: whatIf(extra) });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
    });

    it('needs a signed-in caller', async () => {
      expect((await t().call('POST', '/api/v1/simulations', { body: whatIf(), token: null })).statusCode).toBe(401);
    });
  });

  describe('a risk simulated with its saved inputs', () => {
    it('keeps the result, sets the annual loss with a history entry, and lists it', async () => {
      const risk = await quantifiedRisk(t());
      const res = await t().call('POST', `/api/v1/risks/${risk.number}/simulations`, { body: { iterations: 20_000, seed: 7 } });
      expect(res.statusCode, res.body).toBe(201);
      const simulation = res.json();
      expect(simulation).toMatchObject({ kind: 'risk', risk_id: risk.id, status: 'finished', progress: 1, iterations: 20_000, seed: 7 });
      // the same inputs and seed as the what-if give the same result
      expect(simulation.result).toEqual((await t().call('POST', '/api/v1/simulations', { body: whatIf() })).json());

      const detail = (await t().call('GET', `/api/v1/risks/${risk.id}`)).json();
      expect(detail.annual_loss_mean).toBeCloseTo(simulation.result.mean, 6);
      expect(detail.annual_loss_p90).toBeCloseTo(simulation.result.p90, 6);
      expect(detail.version).toBeGreaterThan(risk.version);
      expect(detail.latest_simulation).toMatchObject({ id: simulation.id });

      const history = (await t().call('GET', `/api/v1/risks/${risk.id}/history`)).json().items;
      const entry = history.find((h: { action: string }) => h.action === 'simulation.run');
      expect(entry.changes.annual_loss_mean).toEqual({ before: null, after: simulation.result.mean });

      const again = (await t().call('POST', `/api/v1/risks/${risk.id}/simulations`, { body: { iterations: 1000 } })).json();
      const list = await t().call('GET', `/api/v1/risks/${risk.id}/simulations`, { query: { limit: '1' } });
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().items.map((s: { id: string }) => s.id)).toEqual([again.id]);
      const next = (await t().call('GET', `/api/v1/risks/${risk.id}/simulations`, { query: { limit: '1', cursor: list.json().next_cursor } })).json();
      expect(next.items.map((s: { id: string }) => s.id)).toEqual([simulation.id]);
      expect(next.next_cursor).toBeNull();
      expect((await t().call('GET', `/api/v1/simulations/${simulation.id}`)).json()).toEqual(simulation);
    });

    it('uses the iterations and seed saved with the inputs', async () => {
      const risk = await quantifiedRisk(t(), { ...inputs, iterations: 5000, seed: 11 });
      const simulation = (await t().call('POST', `/api/v1/risks/${risk.id}/simulations`)).json();
      expect(simulation).toMatchObject({ iterations: 5000, seed: 11 });
    });

    it('flags the risk over appetite when its loss exceedance curve crosses the tolerance curve', async () => {
      const appetite = (await t().call('GET', '/api/v1/risk-appetite')).json();
      const put = await t().call('PUT', '/api/v1/risk-appetite', { body: { max_level: 'very_high', loss_tolerance: [{ loss: 1_000_000, probability: 0.001 }], currency: 'EUR' } });
      expect(put.statusCode, put.body).toBe(200);
      try {
        const risk = await quantifiedRisk(t());
        expect((await t().call('GET', `/api/v1/risks/${risk.id}`)).json().over_appetite).toBe(false);
        expect((await t().call('POST', `/api/v1/risks/${risk.id}/simulations`, { body: { iterations: 20_000, seed: 3 } })).statusCode).toBe(201);
        expect((await t().call('GET', `/api/v1/risks/${risk.id}`)).json().over_appetite).toBe(true);
      } finally {
        await t().call('PUT', '/api/v1/risk-appetite', { body: { max_level: appetite.max_level, loss_tolerance: appetite.loss_tolerance, currency: appetite.currency } });
      }
    });

    it('409 without FAIR inputs, 404 for an unknown risk or simulation, 400 for too many iterations', async () => {
      const plain = (await t().call('POST', '/api/v1/risks', { body: { title: 'Unquantified', category: 'outage', inherent_likelihood: 'low', inherent_impact: 'low' } })).json();
      const none = await t().call('POST', `/api/v1/risks/${plain.id}/simulations`);
      expect(none.statusCode, none.body).toBe(409);
      expect(none.json().detail).toContain('no FAIR inputs');
      expect((await t().call('POST', '/api/v1/risks/RISK-9999/simulations')).statusCode).toBe(404);
      expect((await t().call('GET', '/api/v1/risks/RISK-9999/simulations')).statusCode).toBe(404);
      expect((await t().call('GET', '/api/v1/simulations/sim_nope')).statusCode).toBe(404);
      const risk = await quantifiedRisk(t());
      const tooMany = await t().call('POST', `/api/v1/risks/${risk.id}/simulations`, { body: { iterations: 2_000_000 } });
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json().errors[0].path).toBe('body.iterations');
    });

    it('a stakeholder may read but not run it', async () => {
      const risk = await quantifiedRisk(t());
      const stakeholder = await t().user('stakeholder');
      expect((await t().call('POST', `/api/v1/risks/${risk.id}/simulations`, { token: stakeholder.token })).statusCode).toBe(403);
      expect((await t().call('GET', `/api/v1/risks/${risk.id}/simulations`, { token: stakeholder.token })).statusCode).toBe(200);
    });
  });

  describe('portfolio', () => {
    it('runs off the request thread, reports progress, and sums the years', async () => {
      const risks = [
        await quantifiedRisk(t(), { threat_event_frequency: 2, vulnerability: 0.3, primary_loss: { min: 1000, most_likely: 10_000, max: 50_000 } }, 'Phishing'),
        await quantifiedRisk(t(), { threat_event_frequency: 0.1, vulnerability: 1, primary_loss: { low: 100_000, high: 5_000_000 } }, 'Data centre fire'),
        await quantifiedRisk(t(), { threat_event_frequency: 12, vulnerability: 0.05, primary_loss: 2000 }, 'Laptop theft'),
      ];
      const events: DomainEvent[] = [];
      const stop = t().runtime.deps.events.subscribe((e) => events.push(e));
      const res = await t().call('POST', '/api/v1/simulations/portfolio', { body: { iterations: 20_000, seed: 5, risk_ids: risks.map((r) => r.id) } });
      expect(res.statusCode, res.body).toBe(202);
      const started = res.json();
      expect(started).toMatchObject({ kind: 'portfolio', status: 'running', progress: 0, result: null, iterations: 20_000, seed: 5 });
      expect(res.headers.location).toBe(`/api/v1/simulations/${started.id}`);

      const done = await finished(t(), started.id);
      // on PostgreSQL live events travel through NOTIFY, so they may trail the row
      await vi.waitFor(() => expect(events.some((e) => e.entity_id === started.id && e.type === 'simulation.finished')).toBe(true), { timeout: 5000 });
      stop();
      expect(done).toMatchObject({ status: 'finished', progress: 1, error: null });
      const { total, risks: contributions } = done.result;
      expect(total).toMatchObject({ iterations: 20_000, seed: 5 });
      expect(contributions).toHaveLength(3);
      expect(total.mean).toBeCloseTo(contributions.reduce((s: number, c: { mean: number }) => s + c.mean, 0), 4);
      expect(contributions.reduce((s: number, c: { share_of_tail: number }) => s + c.share_of_tail, 0)).toBeCloseTo(1, 9);
      expect(contributions.map((c: { number: string }) => c.number).sort()).toEqual(risks.map((r) => r.number).sort());
      const fire = contributions.find((c: { title: string }) => c.title === 'Data centre fire');
      expect(fire.share_of_tail).toBeGreaterThan(fire.share_of_mean);

      const mine = events.filter((e) => e.entity_id === started.id);
      expect(mine.some((e) => e.type === 'simulation.progress' && e.progress! > 0 && e.progress! < 1)).toBe(true);
      expect(mine.at(-1)).toMatchObject({ type: 'simulation.finished', progress: 1 });

      // the same seed and risks give the same portfolio
      const again = (await t().call('POST', '/api/v1/simulations/portfolio', { body: { iterations: 20_000, seed: 5, risk_ids: risks.map((r) => r.number) } })).json();
      expect((await finished(t(), again.id)).result).toEqual(done.result);
    });

    it('without a list takes every quantified risk not closed', async () => {
      await quantifiedRisk(t());
      const res = await t().call('POST', '/api/v1/simulations/portfolio', { body: { iterations: 500 } });
      expect(res.statusCode, res.body).toBe(202);
      const done = await finished(t(), res.json().id);
      expect(done.status).toBe('finished');
      expect(done.result.risks.length).toBeGreaterThan(0);
    });

    const cutShort = async (createdAt: string) => {
      const id = `sim_cut_${Math.random().toString(36).slice(2)}`;
      await t().runtime.deps.database.db
        .insertInto('simulations')
        .values({ id, organisation_id: t().runtime.organisationId, risk_id: null, kind: 'portfolio', status: 'running', progress: 0.4, iterations: 1000, seed: 1, inputs: '{}', result: null, error: null, created_at: createdAt, created_by: t().admin.id, finished_at: null })
        .execute();
      return id;
    };

    it('a run cut short by a restart reads as failed (on SQLite at once, on PostgreSQL once it is long overdue)', async () => {
      const overdue = await cutShort(new Date(Date.now() - 31 * 60 * 1000).toISOString());
      expect((await t().call('GET', `/api/v1/simulations/${overdue}`)).json()).toMatchObject({ status: 'failed', error: expect.stringContaining('Start it again') });
      expect((await t().call('GET', `/api/v1/simulations/${overdue}`)).json().status).toBe('failed');

      // A recent run this node does not have: on PostgreSQL another node may hold it.
      const recent = await cutShort(new Date().toISOString());
      expect((await t().call('GET', `/api/v1/simulations/${recent}`)).json().status).toBe(engine === 'sqlite' ? 'failed' : 'running');
    });

    it('400 above 100,000 iterations; 404 for a risk without inputs', async () => {
      const res = await t().call('POST', '/api/v1/simulations/portfolio', { body: { iterations: 100_001 } });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('body.iterations');
      const plain = (await t().call('POST', '/api/v1/risks', { body: { title: 'Unquantified', category: 'outage', inherent_likelihood: 'low', inherent_impact: 'low' } })).json();
      expect((await t().call('POST', '/api/v1/simulations/portfolio', { body: { risk_ids: [plain.id] } })).statusCode).toBe(404);
    });
  });

  describe('before and after a control', () => {
    it('answers the reduction in annual loss and the return on the control, from inputs or a risk', async () => {
      const body = { inputs: whatIf(), after: { ...inputs, vulnerability: { min: 0.01, most_likely: 0.05, max: 0.1 } }, control_cost_per_year: 10_000, iterations: 20_000, seed: 7 };
      const res = await t().call('POST', '/api/v1/simulations/compare', { body });
      expect(res.statusCode, res.body).toBe(200);
      const c = res.json();
      expect(c.before).toEqual((await t().call('POST', '/api/v1/simulations', { body: whatIf() })).json());
      expect(c.reduction_mean).toBeCloseTo(c.before.mean - c.after.mean, 6);
      expect(c.reduction_mean).toBeGreaterThan(0);
      expect(c.return_on_control).toBeCloseTo((c.reduction_mean - 10_000) / 10_000, 9);

      const risk = await quantifiedRisk(t());
      const { inputs: _, ...rest } = body;
      const fromRisk = (await t().call('POST', '/api/v1/simulations/compare', { body: { ...rest, risk_id: risk.number } })).json();
      expect(fromRisk.before).toEqual(c.before);
    });

    it('400 for both or neither of inputs and risk_id, or bad after inputs', async () => {
      const base = { after: inputs, control_cost_per_year: 1 };
      expect((await t().call('POST', '/api/v1/simulations/compare', { body: base })).statusCode).toBe(400);
      expect((await t().call('POST', '/api/v1/simulations/compare', { body: { ...base, inputs, risk_id: 'RISK-0001' } })).statusCode).toBe(400);
      const bad = await t().call('POST', '/api/v1/simulations/compare', { body: { ...base, inputs, after: { ...inputs, vulnerability: 2 } } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].path).toBe('body.after.vulnerability');
    });
  });
});
