import { ruleProblems, type RuleShape } from '../../domain/alert-rules.js';
import { invalid } from '../../domain/errors.js';
import { loadVisibleIncident } from '../incidents/load-incident.js';
import type { UnitOfWork } from '../transaction.js';

/** A rule must make sense for its kind, and an attach rule must name an open incident the author can see. */
export async function checkAlertRule(uow: UnitOfWork, rule: RuleShape): Promise<void> {
  const problems = ruleProblems(rule).map((p) => ({ path: `body.${p.path}`, message: p.message }));
  if (problems.length) throw invalid(`The rule is not valid: ${problems.map((p) => `${p.path} (${p.message})`).join('; ')}.`, problems);
  if (rule.incident_id) {
    const incident = await loadVisibleIncident(uow.db, uow.actor, rule.incident_id);
    if (incident.phase === 'closed') throw invalid(`Incident ${incident.number} is closed; alerts cannot be attached to it.`, [{ path: 'body.incident_id', message: 'the incident is closed' }]);
  }
}
