import type { RiskDetail } from '../../services/risks/get-risk.js';
import type { RiskHistoryRecord } from '../../services/risks/list-risk-history.js';
import type { RiskRecord } from '../../services/risks/risk-record.js';

/** The public shape of a risk: without tenancy and scoring bookkeeping columns, with its residual spelled out. */
export function presentRisk(risk: RiskRecord) {
  const { organisation_id: _organisation, scored_residual_likelihood, scored_residual_impact, ...visible } = risk;
  return {
    ...visible,
    residual: {
      likelihood: scored_residual_likelihood,
      impact: scored_residual_impact,
      level: risk.residual_level,
      assessed: risk.residual_likelihood !== null && risk.residual_impact !== null,
    },
  };
}

export function presentRiskDetail(detail: RiskDetail) {
  return { ...presentRisk(detail.risk), assets: detail.assets, controls: detail.controls, latest_simulation: detail.latest_simulation };
}

export function presentRiskHistory(entry: RiskHistoryRecord) {
  const { risk_id: _risk, ...visible } = entry;
  return visible;
}
