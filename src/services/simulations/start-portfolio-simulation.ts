import { conflict, notFound } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { fairInputProblems, type FairInputs } from '../../domain/fair/inputs.js';
import { readJson } from '../../store/dialect.js';
import { findSimulation, insertSimulation, listQuantifiedRisks } from '../../store/repositories/simulations.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { runPortfolioInBackground, type PortfolioMember } from './run-portfolio-simulation.js';
import { randomSeed, toSimulationRecord, type SimulationRecord } from './simulation-record.js';

/**
 * POST /simulations/portfolio: every quantified risk (or the ones named) simulated together per
 * year on the worker pool. Answers at once with the running simulation; GET /simulations/{id}
 * follows its progress and has the result when it is finished.
 */
export async function startPortfolioSimulation(ctx: ServiceContext, options: { iterations: number; seed?: number | undefined; risk_ids?: string[] | undefined }): Promise<SimulationRecord> {
  authorize(ctx.actor, 'risk.read');
  const rows = await listQuantifiedRisks(ctx.database.db, ctx.actor.organisationId, options.risk_ids);
  if (options.risk_ids) {
    const found = new Set(rows.flatMap((r) => [r.id, r.number]));
    const missing = options.risk_ids.filter((id) => !found.has(id) && !found.has(id.toUpperCase()));
    if (missing.length) throw notFound(`Risk ${missing.slice(0, 5).join(', ')} (or its FAIR inputs)`);
  }
  const members: PortfolioMember[] = [];
  const skipped: { risk_id: string; number: string; reason: string }[] = [];
  for (const row of rows) {
    const { iterations: _i, seed: _s, ...inputs } = readJson<FairInputs & { iterations?: number; seed?: number }>(row.fair_inputs);
    const problems = fairInputProblems(inputs);
    if (problems.length) skipped.push({ risk_id: row.id, number: row.number, reason: problems.map((p) => `${p.path}: ${p.message}`).join('; ') });
    else members.push({ risk_id: row.id, number: row.number, title: row.title, inputs });
  }
  if (members.length === 0) throw conflict('No risk has FAIR inputs to simulate. Add fair_inputs to the risks first.');
  const seed = options.seed ?? randomSeed();
  const id = newId('simulation');
  await runInTransaction(ctx, async (uow) => {
    await insertSimulation(uow.db, {
      id,
      organisation_id: uow.actor.organisationId,
      risk_id: null,
      kind: 'portfolio',
      status: 'running',
      progress: 0,
      iterations: options.iterations,
      seed,
      inputs: { iterations: options.iterations, seed, risks: members, skipped },
      result: null,
      error: null,
      created_at: uow.now,
      created_by: uow.actor.userId,
      finished_at: null,
    });
    await uow.audit('simulation.portfolio_started', { type: 'simulation', id }, { risks: members.length, iterations: options.iterations, seed });
    uow.emit({ type: 'simulation.started', entity_id: id });
  });
  runPortfolioInBackground(ctx, id, members, options.iterations, seed);
  return toSimulationRecord((await findSimulation(ctx.database.db, ctx.actor.organisationId, id))!);
}
