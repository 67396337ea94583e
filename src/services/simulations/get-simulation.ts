import { notFound } from '../../domain/errors.js';
import { findSimulation, updateSimulation } from '../../store/repositories/simulations.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { isRunningHere } from './run-portfolio-simulation.js';
import { toSimulationRecord, type SimulationRecord } from './simulation-record.js';

/**
 * On PostgreSQL another node may be running it; a portfolio is capped at 100,000 simulated years and
 * finishes within a few minutes, so one still "running" after this long was cut short.
 */
const ABANDONED_AFTER_MS = 30 * 60 * 1000;

/** One kept simulation: a risk's run, or a portfolio with its progress and, once finished, its result. */
export async function getSimulation(ctx: ServiceContext, id: string): Promise<SimulationRecord> {
  authorize(ctx.actor, 'risk.read');
  const row = await findSimulation(ctx.database.db, ctx.actor.organisationId, id);
  if (!row) throw notFound(`Simulation ${id}`);
  // On SQLite one server process runs everything: a run it does not have was cut short by a restart.
  const abandoned = ctx.database.engine === 'sqlite' || Date.parse(ctx.clock.now()) - Date.parse(row.created_at) > ABANDONED_AFTER_MS;
  if (row.status === 'running' && !isRunningHere(row.id) && abandoned) {
    const error = 'The server stopped while this simulation ran. Start it again.';
    await updateSimulation(ctx.database.db, row.id, { status: 'failed', error, finished_at: ctx.clock.now() });
    return { ...toSimulationRecord(row), status: 'failed', error, finished_at: ctx.clock.now() };
  }
  return toSimulationRecord(row);
}
