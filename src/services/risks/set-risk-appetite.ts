import { invalid } from '../../domain/errors.js';
import { appetiteProblems, type RiskAppetite } from '../../domain/risk-appetite.js';
import { writeSetting } from '../../store/repositories/plumbing.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { rescoreRisks, type RescoreSummary } from './rescore-risks.js';
import { riskAppetiteOf, riskMatrixOf, RISK_APPETITE_SETTING } from './risk-settings.js';

/** Replaces the organisation's risk appetite (risk.configure) and re-evaluates over_appetite for every risk in the same transaction. */
export async function setRiskAppetite(ctx: ServiceContext, appetite: RiskAppetite): Promise<{ appetite: RiskAppetite; rescore: RescoreSummary }> {
  authorize(ctx.actor, 'risk.configure');
  return runInTransaction(ctx, async (uow) => {
    const organisationId = uow.actor.organisationId;
    const problems = appetiteProblems(await riskMatrixOf(uow.db, organisationId), appetite);
    if (problems.length) throw invalid('The risk appetite does not fit.', problems);
    const before = await riskAppetiteOf(uow.db, organisationId);
    await writeSetting(uow.db, { organisation_id: organisationId, key: RISK_APPETITE_SETTING, value: appetite, at: uow.now, by: uow.actor.userId });
    await uow.audit('settings.update', { type: 'setting', id: RISK_APPETITE_SETTING }, { before, after: appetite });
    uow.emit({ type: 'settings.updated', entity_id: RISK_APPETITE_SETTING });
    const rescore = await rescoreRisks(uow, 'all', { action: 'risk_appetite.update', reason: 'The risk appetite changed', source: { setting: RISK_APPETITE_SETTING } });
    return { appetite, rescore };
  });
}
