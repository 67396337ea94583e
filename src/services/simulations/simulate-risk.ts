import { conflict } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import type { SimulationResult } from '../../domain/fair/statistics.js';
import { findRisk, insertRiskHistory, updateRisk } from '../../store/repositories/risks.js';
import { findSimulation, insertSimulation } from '../../store/repositories/simulations.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { loadRisk } from '../risks/load-risk.js';
import { rescoreRisks } from '../risks/rescore-risks.js';
import { runInTransaction } from '../transaction.js';
import { runSettings, savedInputs, toSimulationRecord, type SimulationRecord } from './simulation-record.js';
import { simulationPool } from './simulation-pool.js';

/**
 * POST /risks/{id}/simulations: simulates the risk's saved FAIR inputs on a worker thread, keeps the
 * result, sets the risk's annual_loss_mean and annual_loss_p90 (with a history entry) and re-scores
 * it (its loss exceedance curve against the tolerance curve decides over_appetite).
 */
export async function simulateRisk(ctx: ServiceContext, idOrNumber: string, options: { iterations?: number | undefined; seed?: number | undefined } = {}): Promise<SimulationRecord> {
  authorize(ctx.actor, 'risk.write');
  const risk = await loadRisk(ctx.database.db, ctx.actor.organisationId, idOrNumber);
  const row = (await findRisk(ctx.database.db, ctx.actor.organisationId, risk.id))!;
  const saved = savedInputs({ number: row.number, fair_inputs: row.fair_inputs });
  const { iterations: _i, seed: _s, ...inputs } = saved;
  const settings = runSettings(options, saved);
  const { answer } = await simulationPool().run({ kind: 'simulate', inputs, ...settings });
  const result = answer as SimulationResult;

  const id = newId('simulation');
  await runInTransaction(ctx, async (uow) => {
    const current = await findRisk(uow.db, uow.actor.organisationId, row.id);
    if (!current || JSON.stringify(current.fair_inputs) !== JSON.stringify(row.fair_inputs)) {
      throw conflict(`Risk ${row.number}'s FAIR inputs changed while it was being simulated. Run the simulation again.`);
    }
    await insertSimulation(uow.db, {
      id,
      organisation_id: uow.actor.organisationId,
      risk_id: row.id,
      kind: 'risk',
      status: 'finished',
      progress: 1,
      iterations: settings.iterations,
      seed: settings.seed,
      inputs: { ...inputs, ...settings },
      result,
      error: null,
      created_at: uow.now,
      created_by: uow.actor.userId,
      finished_at: uow.now,
    });
    const before = { mean: nullableNumber(current.annual_loss_mean), p90: nullableNumber(current.annual_loss_p90) };
    const version = Number(current.version);
    const ok = await updateRisk(uow.db, row.id, version, { annual_loss_mean: result.mean, annual_loss_p90: result.p90, updated_at: uow.now, updated_by: uow.actor.userId });
    if (!ok) throw conflict(`Risk ${row.number} changed while it was being simulated. Run the simulation again.`);
    await insertRiskHistory(uow.db, [
      {
        id: newId('riskHistory'),
        organisation_id: uow.actor.organisationId,
        risk_id: row.id,
        at: uow.now,
        actor_id: uow.actor.userId,
        action: 'simulation.run',
        changes: { annual_loss_mean: { before: before.mean, after: result.mean }, annual_loss_p90: { before: before.p90, after: result.p90 } },
        reason: `FAIR simulation, ${settings.iterations} years, seed ${settings.seed}`,
        source: { simulation_id: id },
        inherent_level: current.inherent_level,
        residual_level: current.residual_level,
        annual_loss_mean: result.mean,
      },
    ]);
    await uow.audit('risk.simulated', { type: 'risk', id: row.id }, { simulation_id: id, iterations: settings.iterations, seed: settings.seed, mean: result.mean, p90: result.p90 });
    uow.emit({ type: 'risk.updated', entity_id: row.id, version: version + 1 });
    uow.emit({ type: 'simulation.finished', entity_id: id });
    await rescoreRisks(uow, [row.id], { action: 'simulation.run', reason: 'FAIR simulation result', source: { simulation_id: id } });
  });
  return toSimulationRecord((await findSimulation(ctx.database.db, ctx.actor.organisationId, id))!);
}

const nullableNumber = (v: number | string | null) => (v === null ? null : Number(v));
