import { suggestRisks, type SuggestionReason } from '../../domain/risk-suggestions.js';
import type { Db } from '../../store/database.js';
import { readJson } from '../../store/dialect.js';
import { incidentHostnames, incidentTechniqueIds, listIncidentRisks, openRisksForSuggestion, riskAssetNames } from '../../store/repositories/incident-risks.js';
import type { ServiceContext } from '../context.js';
import type { IncidentRecord } from '../incidents/incident-record.js';
import { loadVisibleIncident } from '../incidents/load-incident.js';
import { authorize } from '../policies/authorize.js';
import type { Playbook } from '../risks/risk-record.js';
import { playbooksOf, toRiskRef, type RiskRef } from './incident-risk-record.js';

export interface SuggestedRisk {
  risk_id: string;
  risk: RiskRef;
  reasons: SuggestionReason[];
  score: number;
}

/** At most this many suggestions, strongest first. */
export const MAX_SUGGESTIONS = 25;

/**
 * Risks the incident may have materialised and is not linked to yet: a shared ATT&CK technique, a
 * matching category, or one of the risk's assets named in the title, summary or a hostname observable.
 */
export async function suggestIncidentRisks(ctx: ServiceContext, incidentId: string): Promise<{ items: SuggestedRisk[] }> {
  authorize(ctx.actor, 'incident.read');
  const incident = await loadVisibleIncident(ctx.database.db, ctx.actor, incidentId);
  const suggestions = await riskSuggestions(ctx.database.db, incident);
  return { items: suggestions.slice(0, MAX_SUGGESTIONS).map(({ playbooks: _p, ...s }) => s) };
}

/** Every suggestion for an incident, with the playbooks of each risk (for the playbook suggestions). */
export async function riskSuggestions(db: Db, incident: IncidentRecord): Promise<Array<SuggestedRisk & { playbooks: Playbook[] }>> {
  const [techniques, hostnames, linked, risks, assets] = await Promise.all([
    incidentTechniqueIds(db, incident.id),
    incidentHostnames(db, incident.id),
    listIncidentRisks(db, incident.id),
    openRisksForSuggestion(db, incident.organisation_id),
    riskAssetNames(db, incident.organisation_id),
  ]);
  const assetsByRisk = new Map<string, Array<{ id: string; name: string }>>();
  for (const a of assets) assetsByRisk.set(a.risk_id, [...(assetsByRisk.get(a.risk_id) ?? []), { id: a.id, name: a.name }]);
  const candidates = risks.map((r) => ({ id: r.id, status: r.status, category: r.category, techniques: readJson<string[]>(r.techniques), assets: assetsByRisk.get(r.id) ?? [] }));
  const byId = new Map(risks.map((r) => [r.id, r]));
  const found = suggestRisks({ title: incident.title, summary: incident.summary, category: incident.category, techniques, hostnames }, candidates, new Set(linked.map((l) => l.risk_id)));
  return found.map((s) => {
    const row = byId.get(s.risk_id)!;
    return { risk_id: s.risk_id, risk: toRiskRef(row.id, row), reasons: s.reasons, score: s.score, playbooks: playbooksOf(row.playbooks) };
  });
}
