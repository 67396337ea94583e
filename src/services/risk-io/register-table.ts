import { formatCsv, neutraliseFormula } from '../../domain/csv.js';
import { LIST_SEPARATOR, RISK_EXPORT_COLUMNS } from '../../domain/risk-csv.js';
import type { RiskRecord } from '../risks/risk-record.js';

/** One risk as an export row: typed values (JSON) keyed by column; people and assets by name, not id. */
export type RegisterRow = Record<(typeof RISK_EXPORT_COLUMNS)[number], unknown>;

export function toRegisterRow(risk: RiskRecord, people: ReadonlyMap<string, string>, assets: string[]): RegisterRow {
  const details = { ...risk.treatment_details };
  if (typeof details.accepted_by === 'string') details.accepted_by = people.get(details.accepted_by) ?? details.accepted_by;
  return {
    number: risk.number,
    title: risk.title,
    description: risk.description,
    threat: risk.threat,
    vulnerability: risk.vulnerability,
    category: risk.category,
    status: risk.status,
    owner: risk.owner_id ? people.get(risk.owner_id) ?? risk.owner_id : null,
    assets,
    techniques: risk.techniques,
    tags: risk.tags,
    inherent_likelihood: risk.inherent_likelihood,
    inherent_impact: risk.inherent_impact,
    residual_likelihood: risk.residual_likelihood,
    residual_impact: risk.residual_impact,
    treatment: risk.treatment,
    treatment_details: details,
    review_cadence_days: risk.review_cadence_days,
    next_review_at: risk.next_review_at,
    inherent_level: risk.inherent_level,
    residual_level: risk.residual_level,
    over_appetite: risk.over_appetite,
    annual_loss_mean: risk.annual_loss_mean,
    annual_loss_p90: risk.annual_loss_p90,
    last_reviewed_at: risk.last_reviewed_at,
    updated_at: risk.updated_at,
  };
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(String).join(`${LIST_SEPARATOR} `);
  if (typeof value === 'object') return Object.keys(value).length ? JSON.stringify(value) : '';
  return String(value);
}

/** The register as CSV: a header of every column, one row per risk, formulas kept inert for spreadsheets. */
export function registerCsv(rows: RegisterRow[]): string {
  return formatCsv([[...RISK_EXPORT_COLUMNS], ...rows.map((row) => RISK_EXPORT_COLUMNS.map((c) => neutraliseFormula(cell(row[c]))))]);
}
