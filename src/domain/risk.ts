import { invalid, type FieldProblem } from './errors.js';
import { residualRisk, type ReliedOnControl } from './residual-risk.js';
import { isOverAppetite, type LossPoint, type RiskAppetite } from './risk-appetite.js';
import { riskLevel, type RiskMatrix } from './risk-matrix.js';
import { DAY_MS, type Instant } from './time.js';

/** A risk's life: found, scored, being treated, accepted as it is, or closed (no longer relevant). */
export const RISK_STATUSES = ['identified', 'assessed', 'treating', 'accepted', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** ISO 31000 treatment options. */
export const TREATMENTS = ['mitigate', 'accept', 'transfer', 'avoid'] as const;
export type Treatment = (typeof TREATMENTS)[number];

export const TRANSFER_KINDS = ['insurance', 'contract', 'other'] as const;

/** Suggested categories; any text is accepted. */
export const SUGGESTED_RISK_CATEGORIES = ['cyber_attack', 'data_breach', 'outage', 'fraud', 'insider', 'third_party', 'compliance', 'physical'] as const;

export const DEFAULT_REVIEW_CADENCE_DAYS = 90;

export interface MitigateDetails {
  plan?: string;
}
export interface AcceptDetails {
  accepted_by: string;
  accepted_at: Instant;
  reason: string;
  /** The acceptance lapses then and the risk comes back for review. */
  until: Instant;
}
export interface TransferDetails {
  party: string;
  reference: string;
  kind: (typeof TRANSFER_KINDS)[number];
}
export interface AvoidDetails {
  note?: string;
}
export type TreatmentDetails = MitigateDetails | AcceptDetails | TransferDetails | AvoidDetails | Record<string, never>;

export function formatRiskNumber(sequence: number): string {
  return `RISK-${String(sequence).padStart(4, '0')}`;
}

export const RISK_NUMBER_PATTERN = /^RISK-\d{4,}$/i;

/** The status a treatment decision puts an open risk in: accepted, being treated, or back to assessed without one. */
export function statusForTreatment(treatment: Treatment | null, current: RiskStatus | null): RiskStatus {
  if (treatment === 'accept') return 'accepted';
  if (treatment !== null) return 'treating';
  return current === null ? 'identified' : current === 'accepted' || current === 'treating' ? 'assessed' : current;
}

/** When the next review falls after one at `from`. */
export function nextReviewAfter(from: Instant, cadenceDays: number): Instant {
  return new Date(Date.parse(from) + cadenceDays * DAY_MS).toISOString();
}

const text = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;
const instant = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

/**
 * What is missing or wrong in a treatment's details: an acceptance says who accepted, why and until
 * when; a transfer names the party and the reference (policy or contract). Paths start at
 * `treatment_details`.
 */
export function treatmentDetailProblems(treatment: string | null, details: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const need = (field: string, ok: boolean, message: string) => {
    if (!ok) problems.push({ path: `treatment_details.${field}`, message });
  };
  switch (treatment) {
    case null:
      if (Object.keys(details).length > 0) problems.push({ path: 'treatment_details', message: 'only with a treatment' });
      break;
    case 'mitigate':
      need('plan', details.plan === undefined || typeof details.plan === 'string', 'a text');
      break;
    case 'accept':
      need('accepted_by', text(details.accepted_by), 'who accepted the risk (a user id) is required');
      need('reason', text(details.reason), 'why the risk is accepted is required');
      need('until', instant(details.until), 'until when the acceptance holds (an ISO 8601 instant) is required');
      need('accepted_at', details.accepted_at === undefined || instant(details.accepted_at), 'an ISO 8601 instant');
      if (instant(details.until) && instant(details.accepted_at) && Date.parse(details.until) <= Date.parse(details.accepted_at)) {
        problems.push({ path: 'treatment_details.until', message: 'must be after accepted_at' });
      }
      break;
    case 'transfer':
      need('party', text(details.party), 'the insurer or contract party is required');
      need('reference', text(details.reference), 'the policy or contract reference is required');
      need('kind', details.kind === undefined || (TRANSFER_KINDS as readonly unknown[]).includes(details.kind), `one of ${TRANSFER_KINDS.join(', ')}`);
      break;
    case 'avoid':
      need('note', details.note === undefined || typeof details.note === 'string', 'a text');
      break;
    default:
      problems.push({ path: 'treatment', message: `one of ${TREATMENTS.join(', ')}` });
  }
  return problems;
}

/** An acceptance whose `until` has passed (the risk needs a new decision). */
export function acceptanceExpired(treatment: string | null, details: Record<string, unknown>, now: Instant): boolean {
  return treatment === 'accept' && typeof details.until === 'string' && details.until <= now;
}

/** ATT&CK technique ids as written in the catalogue (T1566, T1566.001), upper case, unique. */
export function normaliseTechniques(ids: readonly string[]): string[] {
  return [...new Set(ids.map((t) => t.trim().toUpperCase()).filter((t) => t.length > 0))].sort();
}

export const TECHNIQUE_PATTERN = /^T\d{4}(\.\d{3})?$/i;

/** What scoring reads of a risk. */
export interface ScoredFields {
  status: string;
  inherent_likelihood: string;
  inherent_impact: string;
  residual_likelihood: string | null;
  residual_impact: string | null;
}

/** What scoring decides: both levels, the residual pair it stands at, and whether it is over appetite. */
export interface RiskScore {
  inherent_level: string;
  residual_level: string;
  scored_residual_likelihood: string;
  scored_residual_impact: string;
  over_appetite: boolean;
}

/**
 * Scores a risk against the matrix (inherent; residual as set by hand or derived from its controls)
 * and the appetite (level, and the loss exceedance curve of its latest simulation when there is one).
 * An unknown level id is a 400 whose paths name the risk's fields.
 */
export function scoreRisk(
  matrix: RiskMatrix,
  appetite: RiskAppetite,
  risk: ScoredFields,
  controls: readonly ReliedOnControl[],
  lec: readonly LossPoint[] | null,
): RiskScore {
  const problems: FieldProblem[] = [];
  const known = (ids: { id: string }[], value: string | null, path: string, what: string) => {
    if (value !== null && !ids.some((l) => l.id === value)) problems.push({ path, message: `"${value}" is not a ${what} level of the risk matrix (${ids.map((l) => l.id).join(', ')})` });
  };
  known(matrix.likelihood_levels, risk.inherent_likelihood, 'inherent_likelihood', 'likelihood');
  known(matrix.impact_levels, risk.inherent_impact, 'inherent_impact', 'impact');
  known(matrix.likelihood_levels, risk.residual_likelihood, 'residual_likelihood', 'likelihood');
  known(matrix.impact_levels, risk.residual_impact, 'residual_impact', 'impact');
  if ((risk.residual_likelihood === null) !== (risk.residual_impact === null)) {
    problems.push({ path: risk.residual_likelihood === null ? 'residual_likelihood' : 'residual_impact', message: 'a residual is set with both likelihood and impact, or neither (then derived from the controls)' });
  }
  if (problems.length) throw invalid('The risk does not fit the risk matrix.', problems);
  const inherent = { likelihood: risk.inherent_likelihood, impact: risk.inherent_impact };
  const residual = residualRisk(matrix, inherent, controls, { likelihood: risk.residual_likelihood, impact: risk.residual_impact });
  return {
    inherent_level: riskLevel(matrix, inherent.likelihood, inherent.impact),
    residual_level: residual.level,
    scored_residual_likelihood: residual.likelihood,
    scored_residual_impact: residual.impact,
    over_appetite: isOverAppetite(matrix, appetite, { status: risk.status, residual_level: residual.level, lec }),
  };
}

/** The loss exceedance curve of a stored simulation result, or null when it has none. */
export function lecOf(result: unknown): LossPoint[] | null {
  const lec = (result as { lec?: unknown } | null)?.lec;
  if (!Array.isArray(lec)) return null;
  const points = lec.filter((p): p is LossPoint => typeof p === 'object' && p !== null && typeof (p as LossPoint).loss === 'number' && typeof (p as LossPoint).probability === 'number');
  return points.length ? points : null;
}
