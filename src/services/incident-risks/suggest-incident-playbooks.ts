import { suggestPlaybooks } from '../../domain/risk-suggestions.js';
import { listIncidentRisks } from '../../store/repositories/incident-risks.js';
import type { ServiceContext } from '../context.js';
import { loadVisibleIncident } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import { playbooksOf, toRiskRef, type RiskRef } from './incident-risk-record.js';
import { riskSuggestions } from './suggest-incident-risks.js';

export interface SuggestedPlaybook {
  title: string;
  url: string;
  /** Named by a risk linked to the incident (else only by suggested risks). */
  linked: boolean;
  risks: RiskRef[];
}

/** The playbooks (runbook documents) the incident's linked risks name, then those of the risks suggested for it. */
export async function suggestIncidentPlaybooks(ctx: ServiceContext, incidentId: string): Promise<{ items: SuggestedPlaybook[] }> {
  authorize(ctx.actor, 'incident.read');
  const db = ctx.database.db;
  const incident = await loadVisibleIncident(db, ctx.actor, incidentId);
  const linked = (await listIncidentRisks(db, incident.id)).map((row) => ({ ...toRiskRef(row.risk_id, row), playbooks: playbooksOf(row.playbooks) }));
  const suggested = (await riskSuggestions(db, incident)).map((s) => ({ ...s.risk, playbooks: s.playbooks }));
  const items = suggestPlaybooks(linked, suggested).map((p) => ({ ...p, risks: p.risks.map(({ playbooks: _p, ...risk }) => risk) }));
  return { items };
}
