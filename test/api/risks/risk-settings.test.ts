import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_MATRIX } from '../../../src/domain/risk-matrix.js';
import { describeApiOnEachEngine } from '../../support/test-app.js';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describeApiOnEachEngine('risk matrix and appetite API', (t) => {
  const create = async (extra: Record<string, unknown> = {}) => {
    const res = await t().call('POST', '/api/v1/risks', { body: { title: 'Supplier outage', category: 'third_party', inherent_likelihood: 'moderate', inherent_impact: 'high', ...extra } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  describe('matrix', () => {
    it('answers exactly the four documented keys, NIST SP 800-30 by default', async () => {
      const res = await t().call('GET', '/api/v1/risk-matrix');
      expect(res.statusCode).toBe(200);
      const matrix = res.json();
      expect(Object.keys(matrix)).toEqual(['likelihood_levels', 'impact_levels', 'levels', 'table']);
      expect(matrix.levels.map((l: { id: string }) => l.id)).toEqual(['very_low', 'low', 'moderate', 'high', 'very_high']);
      expect(matrix).toEqual(clone(DEFAULT_RISK_MATRIX));
    });

    it('re-scores every risk in the same transaction when the table changes, with history', async () => {
      const risk = await create();
      expect(risk.inherent_level).toBe('moderate');
      const matrix = clone(DEFAULT_RISK_MATRIX);
      matrix.table[2]![3] = 'very_high';
      const res = await t().call('PUT', '/api/v1/risk-matrix', { body: matrix });
      expect(res.statusCode, res.body).toBe(200);
      expect(Number(res.headers['risks-rescored'])).toBeGreaterThanOrEqual(1);
      expect((await t().call('GET', '/api/v1/risk-matrix')).json().table[2][3]).toBe('very_high');
      const after = (await t().call('GET', `/api/v1/risks/${risk.id}`)).json();
      expect(after).toMatchObject({ inherent_level: 'very_high', residual_level: 'very_high', over_appetite: true, version: 2 });
      const history = (await t().call('GET', `/api/v1/risks/${risk.id}/history`)).json().items;
      expect(history.at(-1)).toMatchObject({ action: 'risk_matrix.update', changes: { inherent_level: { before: 'moderate', after: 'very_high' } } });
      expect((await t().call('PUT', '/api/v1/risk-matrix', { body: clone(DEFAULT_RISK_MATRIX) })).statusCode).toBe(200);
      expect((await t().call('GET', `/api/v1/risks/${risk.id}`)).json().inherent_level).toBe('moderate');
    });

    it.each([
      ['a table cell that is no level', (m: typeof DEFAULT_RISK_MATRIX) => void (m.table[1]![1] = 'purple'), 'table.1.1'],
      ['a row too short', (m: typeof DEFAULT_RISK_MATRIX) => void m.table[0]!.pop(), 'table.0'],
      ['duplicate level ids', (m: typeof DEFAULT_RISK_MATRIX) => void (m.levels[1]!.id = 'very_low'), 'levels'],
      ['an annual rate with max below min', (m: typeof DEFAULT_RISK_MATRIX) => void (m.likelihood_levels[1]!.annual_rate = { min: 5, max: 1 }), 'body.likelihood_levels.1.annual_rate.max'],
      ['a colour that is not one', (m: typeof DEFAULT_RISK_MATRIX) => void (m.levels[0]!.color = 'green'), 'body.levels.0.color'],
    ])('refuses %s with a 400 naming the field, and keeps the matrix', async (_label, spoil, path) => {
      const matrix = clone(DEFAULT_RISK_MATRIX);
      spoil(matrix);
      const res = await t().call('PUT', '/api/v1/risk-matrix', { body: matrix });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
      expect((await t().call('GET', '/api/v1/risk-matrix')).json()).toEqual(clone(DEFAULT_RISK_MATRIX));
    });

    it('refuses a matrix without a level some risk uses, naming the risk, and changes nothing', async () => {
      const risk = await create({ inherent_likelihood: 'very_high' });
      const matrix = clone(DEFAULT_RISK_MATRIX);
      matrix.likelihood_levels.pop();
      matrix.table.pop();
      const res = await t().call('PUT', '/api/v1/risk-matrix', { body: matrix });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(`${risk.number}.inherent_likelihood`);
      expect((await t().call('GET', '/api/v1/risk-matrix')).json()).toEqual(clone(DEFAULT_RISK_MATRIX));
      expect((await t().call('GET', `/api/v1/risks/${risk.id}`)).json().version).toBe(1);
    });

    it('is changed only by risk owners and administrators', async () => {
      const owner = await t().user('risk_owner');
      const manager = await t().user('incident_manager');
      expect((await t().call('PUT', '/api/v1/risk-matrix', { body: clone(DEFAULT_RISK_MATRIX), token: owner.token })).statusCode).toBe(200);
      expect((await t().call('PUT', '/api/v1/risk-matrix', { body: clone(DEFAULT_RISK_MATRIX), token: manager.token })).statusCode).toBe(403);
      expect((await t().call('GET', '/api/v1/risk-matrix', { token: manager.token })).statusCode).toBe(200);
    });
  });

  describe('appetite', () => {
    it('defaults to moderate, and re-evaluates over_appetite for every risk when it changes', async () => {
      expect((await t().call('GET', '/api/v1/risk-appetite')).json()).toEqual({ max_level: 'moderate', loss_tolerance: [], currency: 'EUR' });
      const risk = await create({ inherent_likelihood: 'high', inherent_impact: 'high' });
      expect(risk.residual_level).toBe('high');
      expect(risk.over_appetite).toBe(true);
      const appetite = { max_level: 'high', loss_tolerance: [{ loss: 100_000, probability: 0.5 }, { loss: 1_000_000, probability: 0.05 }], currency: 'USD' };
      const res = await t().call('PUT', '/api/v1/risk-appetite', { body: appetite });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual(appetite);
      expect((await t().call('GET', `/api/v1/risks/${risk.id}`)).json().over_appetite).toBe(false);
      const history = (await t().call('GET', `/api/v1/risks/${risk.id}/history`)).json().items;
      expect(history.at(-1)).toMatchObject({ action: 'risk_appetite.update', changes: { over_appetite: { before: true, after: false } } });
      await t().call('PUT', '/api/v1/risk-appetite', { body: { max_level: 'moderate', loss_tolerance: [], currency: 'EUR' } });
      expect((await t().call('GET', `/api/v1/risks/${risk.id}`)).json().over_appetite).toBe(true);
    });

    it.each([
      ['an unknown level', { max_level: 'medium' }, 'max_level'],
      ['a probability above 1', { loss_tolerance: [{ loss: 10, probability: 2 }] }, 'body.loss_tolerance.0.probability'],
      ['losses not increasing', { loss_tolerance: [{ loss: 10, probability: 0.5 }, { loss: 5, probability: 0.1 }] }, 'loss_tolerance.1.loss'],
      ['a currency that is not ISO 4217', { currency: 'euro' }, 'body.currency'],
    ])('refuses %s with a 400 naming the field, and keeps the appetite', async (_label, change, path) => {
      const before = (await t().call('GET', '/api/v1/risk-appetite')).json();
      const res = await t().call('PUT', '/api/v1/risk-appetite', { body: { ...before, ...change } });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
      expect((await t().call('GET', '/api/v1/risk-appetite')).json()).toEqual(before);
    });

    it('refuses a matrix that drops the appetite level', async () => {
      const matrix = clone(DEFAULT_RISK_MATRIX);
      matrix.levels = matrix.levels.filter((l) => l.id !== 'moderate');
      matrix.table = matrix.table.map((row) => row.map((c) => (c === 'moderate' ? 'low' : c)));
      const res = await t().call('PUT', '/api/v1/risk-matrix', { body: matrix });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('levels');
    });
  });
});
