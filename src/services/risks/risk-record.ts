import type { RiskStatus, Treatment } from '../../domain/risk.js';
import { readBool, readJson } from '../../store/dialect.js';
import type { RiskRow } from '../../store/schema.js';

export interface Playbook {
  title: string;
  url: string;
}

/** A risk as services hand it out: JSON parsed, flags as booleans. */
export interface RiskRecord {
  id: string;
  organisation_id: string;
  number: string;
  title: string;
  description: string;
  threat: string;
  vulnerability: string;
  category: string;
  status: RiskStatus;
  owner_id: string | null;
  inherent_likelihood: string;
  inherent_impact: string;
  inherent_level: string;
  /** Set by hand, or null (then derived from the controls). */
  residual_likelihood: string | null;
  residual_impact: string | null;
  residual_level: string;
  scored_residual_likelihood: string;
  scored_residual_impact: string;
  treatment: Treatment | null;
  treatment_details: Record<string, unknown>;
  review_cadence_days: number;
  next_review_at: string;
  last_reviewed_at: string | null;
  techniques: string[];
  playbooks: Playbook[];
  tags: string[];
  fair_inputs: unknown;
  annual_loss_mean: number | null;
  annual_loss_p90: number | null;
  over_appetite: boolean;
  /** Events a year the owner estimates (null: read from the likelihood level's band), worth rate_confidence_years of observation. */
  annual_rate: number | null;
  rate_confidence_years: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  version: number;
}

export function toRiskRecord(full: RiskRow): RiskRecord {
  // PostgreSQL's generated search column is not part of a risk.
  const { search_vector: _search, ...row } = full as RiskRow & { search_vector?: unknown };
  return {
    ...row,
    status: row.status as RiskStatus,
    treatment: row.treatment as Treatment | null,
    treatment_details: readJson<Record<string, unknown>>(row.treatment_details) ?? {},
    scored_residual_likelihood: row.scored_residual_likelihood ?? row.residual_likelihood ?? row.inherent_likelihood,
    scored_residual_impact: row.scored_residual_impact ?? row.residual_impact ?? row.inherent_impact,
    review_cadence_days: Number(row.review_cadence_days),
    techniques: readJson<string[]>(row.techniques),
    playbooks: readJson<Playbook[]>(row.playbooks),
    tags: readJson<string[]>(row.tags),
    fair_inputs: row.fair_inputs === null ? null : readJson<unknown>(row.fair_inputs),
    annual_loss_mean: row.annual_loss_mean === null ? null : Number(row.annual_loss_mean),
    annual_loss_p90: row.annual_loss_p90 === null ? null : Number(row.annual_loss_p90),
    over_appetite: readBool(row.over_appetite),
    annual_rate: row.annual_rate === null || row.annual_rate === undefined ? null : Number(row.annual_rate),
    rate_confidence_years: row.rate_confidence_years === undefined ? 1 : Number(row.rate_confidence_years),
    version: Number(row.version),
  };
}
