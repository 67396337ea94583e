import { BulwarkError, invalid } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import type { ReliedOnControl } from '../../domain/residual-risk.js';
import { lecOf, scoreRisk, type RiskScore } from '../../domain/risk.js';
import type { RiskAppetite } from '../../domain/risk-appetite.js';
import type { RiskMatrix } from '../../domain/risk-matrix.js';
import { readBool } from '../../store/dialect.js';
import { insertRiskHistory, latestSimulationResults, listScoringControls, risksForScoring, updateRisk, type RiskHistoryInsert } from '../../store/repositories/risks.js';
import type { UnitOfWork } from '../transaction.js';
import { riskAppetiteOf, riskMatrixOf } from './risk-settings.js';

export interface RescoreCause {
  /** What changed, for the history entry: `control.update`, `risk_matrix.update`, `simulation.run`… */
  action: string;
  reason: string;
  /** Where the change came from (a control, a simulation, a setting), kept with the history entry. */
  source?: unknown;
}

export interface RescoreSummary {
  /** Risks looked at. */
  scored: number;
  /** Ids of the risks whose scores changed (and got a history entry). */
  changed: string[];
}

const SCORE_FIELDS = ['inherent_level', 'residual_level', 'scored_residual_likelihood', 'scored_residual_impact', 'over_appetite'] as const;
/** Above this many changed risks one summary event goes out instead of one per risk. */
const EVENTS_PER_RISK_UP_TO = 100;

/**
 * Recomputes inherent and residual levels (controls + matrix) and over_appetite for some risks or
 * all of the organisation's, inside the caller's transaction, and writes a risk_history row for each
 * risk whose scores changed. Call it after anything scoring reads changed: the matrix, the appetite,
 * a control's status or effectiveness, a risk ↔ control link, a simulation result. The matrix and
 * appetite are read in the transaction, so a caller that just wrote a new one passes nothing more.
 * A risk whose levels the matrix no longer knows makes it a 400 naming that risk.
 */
export async function rescoreRisks(uow: UnitOfWork, riskIds: string[] | 'all', cause: RescoreCause): Promise<RescoreSummary> {
  const organisationId = uow.actor.organisationId;
  const matrix = await riskMatrixOf(uow.db, organisationId);
  const appetite = await riskAppetiteOf(uow.db, organisationId);
  const rows = await risksForScoring(uow.db, organisationId, riskIds);
  const controlRows = await listScoringControls(uow.db, organisationId, riskIds);
  const simulations = await latestSimulationResults(uow.db, organisationId, riskIds);
  const controls = new Map<string, ReliedOnControl[]>();
  for (const c of controlRows) {
    const list = controls.get(c.risk_id) ?? [];
    list.push({ implementation_status: c.implementation_status, effectiveness: c.effectiveness === null ? null : Number(c.effectiveness) });
    controls.set(c.risk_id, list);
  }

  const changed: string[] = [];
  const history: RiskHistoryInsert[] = [];
  for (const row of rows) {
    const score = scoreWithContext(matrix, appetite, row, controls.get(row.id) ?? [], lecOf(simulations.get(row.id)?.result ?? null));
    const before: RiskScore = {
      inherent_level: row.inherent_level,
      residual_level: row.residual_level,
      scored_residual_likelihood: row.scored_residual_likelihood ?? '',
      scored_residual_impact: row.scored_residual_impact ?? '',
      over_appetite: readBool(row.over_appetite),
    };
    const fields = SCORE_FIELDS.filter((f) => before[f] !== score[f]);
    if (fields.length === 0) continue;
    const version = Number(row.version);
    const ok = await updateRisk(uow.db, row.id, version, { ...score, updated_at: uow.now, updated_by: uow.actor.userId });
    if (!ok) throw new BulwarkError('conflict', `Risk ${row.number} changed while it was being re-scored. Try again.`);
    changed.push(row.id);
    history.push({
      id: newId('riskHistory'),
      organisation_id: organisationId,
      risk_id: row.id,
      at: uow.now,
      actor_id: uow.actor.userId,
      action: cause.action,
      changes: Object.fromEntries(fields.map((f) => [f, { before: before[f], after: score[f] }])),
      reason: cause.reason,
      source: cause.source ?? null,
      inherent_level: score.inherent_level,
      residual_level: score.residual_level,
      annual_loss_mean: row.annual_loss_mean === null ? null : Number(row.annual_loss_mean),
    });
    if (changed.length <= EVENTS_PER_RISK_UP_TO) uow.emit({ type: 'risk.updated', entity_id: row.id, version: version + 1 });
  }
  await insertRiskHistory(uow.db, history);
  if (changed.length > EVENTS_PER_RISK_UP_TO) uow.emit({ type: 'risks.rescored', entity_id: organisationId, count: changed.length });
  if (changed.length > 0) {
    await uow.audit('risk.rescore', { type: 'risk', id: changed.length === 1 ? changed[0]! : 'many' }, { cause: cause.action, reason: cause.reason, count: changed.length, risk_ids: changed.slice(0, 100) });
  }
  return { scored: rows.length, changed };
}

/** scoreRisk, with a matrix misfit reported against the risk (by number) rather than a request field. */
function scoreWithContext(matrix: RiskMatrix, appetite: RiskAppetite, row: Parameters<typeof scoreRisk>[2] & { number: string }, controls: ReliedOnControl[], lec: ReturnType<typeof lecOf>): RiskScore {
  try {
    return scoreRisk(matrix, appetite, row, controls, lec);
  } catch (error) {
    if (error instanceof BulwarkError && error.kind === 'validation') {
      throw invalid(`Risk ${row.number} uses a level the risk matrix does not have; change the risk first or keep the level.`, error.errors.map((e) => ({ path: `${row.number}.${e.path}`, message: e.message })));
    }
    throw error;
  }
}
