import { invalid } from '../../domain/errors.js';
import { levelRank, matrixProblems, type RiskMatrix } from '../../domain/risk-matrix.js';
import { writeSetting } from '../../store/repositories/plumbing.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { rescoreRisks, type RescoreSummary } from './rescore-risks.js';
import { riskAppetiteOf, riskMatrixOf, RISK_MATRIX_SETTING } from './risk-settings.js';

/**
 * Replaces the organisation's risk matrix (risk.configure) and re-scores every risk in the same
 * transaction. A matrix that is not sound, that drops the appetite's level, or that drops a level a
 * risk uses is refused and nothing changes.
 */
export async function setRiskMatrix(ctx: ServiceContext, matrix: RiskMatrix): Promise<{ matrix: RiskMatrix; rescore: RescoreSummary }> {
  authorize(ctx.actor, 'risk.configure');
  const problems = matrixProblems(matrix);
  if (problems.length) throw invalid('The risk matrix is not sound.', problems);
  return runInTransaction(ctx, async (uow) => {
    const organisationId = uow.actor.organisationId;
    const appetite = await riskAppetiteOf(uow.db, organisationId);
    if (levelRank(matrix, appetite.max_level) < 0) {
      throw invalid(`The risk appetite's maximum level "${appetite.max_level}" is not among the new levels; change the appetite first.`, [{ path: 'levels', message: `must keep "${appetite.max_level}" or change the appetite first` }]);
    }
    const before = await riskMatrixOf(uow.db, organisationId);
    await writeSetting(uow.db, { organisation_id: organisationId, key: RISK_MATRIX_SETTING, value: matrix, at: uow.now, by: uow.actor.userId });
    await uow.audit('settings.update', { type: 'setting', id: RISK_MATRIX_SETTING }, { before, after: matrix });
    uow.emit({ type: 'settings.updated', entity_id: RISK_MATRIX_SETTING });
    const rescore = await rescoreRisks(uow, 'all', { action: 'risk_matrix.update', reason: 'The risk matrix changed', source: { setting: RISK_MATRIX_SETTING } });
    return { matrix, rescore };
  });
}
