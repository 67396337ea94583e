import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids.js';
import { createRisk } from '../../../src/services/risks/create-risk.js';
import { rescoreRisks } from '../../../src/services/risks/rescore-risks.js';
import { RISK_APPETITE_SETTING } from '../../../src/services/risks/risk-settings.js';
import { runInTransaction } from '../../../src/services/transaction.js';
import { readBool, readJson } from '../../../src/store/dialect.js';
import { writeSetting } from '../../../src/store/repositories/plumbing.js';
import { describeApiOnEachEngine, type TestApp } from '../../support/test-app.js';

/** A control linked to a risk, written straight to the tables (the controls API is another part). */
async function linkControl(t: TestApp, riskId: string, control: { implementation_status: string; effectiveness: number | null }): Promise<string> {
  const db = t.runtime.deps.database.db;
  const now = new Date().toISOString();
  const id = newId('control');
  const who = t.admin.id;
  await db
    .insertInto('controls')
    .values({ id, organisation_id: t.runtime.organisationId, catalog_id: null, ref: `C-${id.slice(-6)}`, title: 'MFA', description: '', family: '', parent_ref: null, position: 0, ...control, owner_id: null, maturity: null, last_tested_at: null, next_test_at: null, evidence_notes: '', created_at: now, created_by: who, updated_at: now, updated_by: who, version: 1 })
    .execute();
  await db.insertInto('risk_controls').values({ organisation_id: t.runtime.organisationId, risk_id: riskId, control_id: id, status: 'done', owner_id: null, due_at: null, note: '', created_at: now, created_by: who, updated_at: now, version: 1 }).execute();
  return id;
}

describeApiOnEachEngine('createRisk and rescoreRisks', (t) => {
  const base = { title: 'Ransomware encrypts the file servers', category: 'cyber_attack', inherent_likelihood: 'high', inherent_impact: 'very_high' };

  describe('createRisk', () => {
    it('numbers risks RISK-0001 onwards, scores them from the matrix and writes a first history entry', async () => {
      const { risk } = await createRisk(t().system, base);
      expect(risk.number).toMatch(/^RISK-\d{4}$/);
      expect(risk.inherent_level).toBe('very_high');
      expect(risk.residual_level).toBe('very_high');
      expect(risk.scored_residual_likelihood).toBe('high');
      expect(risk.over_appetite).toBe(true);
      expect(risk.status).toBe('identified');
      expect(risk.next_review_at.slice(0, 10)).toBe(new Date(Date.parse(risk.created_at) + 90 * 86_400_000).toISOString().slice(0, 10));
      const next = await createRisk(t().system, { ...base, residual_likelihood: 'very_low', residual_impact: 'low' });
      expect(Number(next.risk.number.slice(5))).toBe(Number(risk.number.slice(5)) + 1);
      expect(next.risk.residual_level).toBe('very_low');
      expect(next.risk.over_appetite).toBe(false);
      const history = await t().runtime.deps.database.db.selectFrom('risk_history').selectAll().where('risk_id', '=', risk.id).execute();
      expect(history.map((h) => h.action)).toEqual(['risk.create']);
    });

    it('refuses unknown levels, a half-set residual and an acceptance without until, writing nothing', async () => {
      const db = t().runtime.deps.database.db;
      const count = async () => Number((await db.selectFrom('risks').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const before = await count();
      await expect(createRisk(t().system, { ...base, inherent_likelihood: 'medium' })).rejects.toMatchObject({ kind: 'validation', errors: [expect.objectContaining({ path: 'inherent_likelihood' })] });
      await expect(createRisk(t().system, { ...base, residual_likelihood: 'low' })).rejects.toMatchObject({ errors: [expect.objectContaining({ path: 'residual_impact' })] });
      await expect(createRisk(t().system, { ...base, treatment: 'accept', treatment_details: { accepted_by: t().admin.id, reason: 'cheap' } })).rejects.toMatchObject({
        errors: [expect.objectContaining({ path: 'treatment_details.until' })],
      });
      expect(await count()).toBe(before);
    });
  });

  describe('rescoreRisks', () => {
    it('derives the residual from linked controls and records what changed', async () => {
      const { risk } = await createRisk(t().system, base);
      await linkControl(t(), risk.id, { implementation_status: 'implemented', effectiveness: 60 });
      const summary = await runInTransaction(t().system, (uow) => rescoreRisks(uow, [risk.id], { action: 'control.link', reason: 'MFA relied on', source: { control: 'MFA' } }));
      expect(summary.changed).toEqual([risk.id]);
      const db = t().runtime.deps.database.db;
      const row = await db.selectFrom('risks').selectAll().where('id', '=', risk.id).executeTakeFirstOrThrow();
      // 60 % of four steps, rounded down: high → low; (low, very_high) is moderate in Table I-2.
      expect(row.scored_residual_likelihood).toBe('low');
      expect(row.residual_level).toBe('moderate');
      expect(readBool(row.over_appetite)).toBe(false);
      expect(Number(row.version)).toBe(2);
      const history = await db.selectFrom('risk_history').selectAll().where('risk_id', '=', risk.id).orderBy('at').orderBy('id').execute();
      const last = history.at(-1)!;
      expect(last.action).toBe('control.link');
      expect(last.reason).toBe('MFA relied on');
      expect(readJson(last.source)).toEqual({ control: 'MFA' });
      expect(readJson(last.changes)).toMatchObject({ residual_level: { before: 'very_high', after: 'moderate' }, over_appetite: { before: true, after: false } });
      const again = await runInTransaction(t().system, (uow) => rescoreRisks(uow, 'all', { action: 'noop', reason: '' }));
      expect(again.changed).not.toContain(risk.id);
    });

    it('flags a quantified risk whose loss exceedance curve lies above the tolerance curve', async () => {
      const { risk } = await createRisk(t().system, { ...base, inherent_likelihood: 'low', inherent_impact: 'low' });
      expect(risk.over_appetite).toBe(false);
      const db = t().runtime.deps.database.db;
      await writeSetting(db, { organisation_id: t().runtime.organisationId, key: RISK_APPETITE_SETTING, value: { max_level: 'moderate', loss_tolerance: [{ loss: 100_000, probability: 0.1 }], currency: 'EUR' }, at: new Date().toISOString(), by: null });
      const lec = [{ loss: 10_000, probability: 0.5 }, { loss: 1_000_000, probability: 0.1 }];
      await db
        .insertInto('simulations')
        .values({ id: newId('simulation'), organisation_id: t().runtime.organisationId, risk_id: risk.id, kind: 'risk', status: 'finished', progress: 1, iterations: 1000, seed: 1, inputs: '{}', result: JSON.stringify({ mean: 1, lec }), error: null, created_at: new Date().toISOString(), created_by: t().admin.id, finished_at: new Date().toISOString() })
        .execute();
      // At 100,000 (half-way between 10^4 and 10^6 in log) the curve is at 0.3 > 0.1.
      const summary = await runInTransaction(t().system, (uow) => rescoreRisks(uow, [risk.id], { action: 'simulation.run', reason: 'simulated' }));
      expect(summary.changed).toEqual([risk.id]);
      const row = await db.selectFrom('risks').select('over_appetite').where('id', '=', risk.id).executeTakeFirstOrThrow();
      expect(readBool(row.over_appetite)).toBe(true);
      await writeSetting(db, { organisation_id: t().runtime.organisationId, key: RISK_APPETITE_SETTING, value: { max_level: 'moderate', loss_tolerance: [], currency: 'EUR' }, at: new Date().toISOString(), by: null });
    });
  });
});
