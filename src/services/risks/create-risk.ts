import { invalid, notFound, type FieldProblem } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { normaliseTags } from '../../domain/incident.js';
import {
  DEFAULT_REVIEW_CADENCE_DAYS,
  formatRiskNumber,
  nextReviewAfter,
  normaliseTechniques,
  scoreRisk,
  statusForTreatment,
  TECHNIQUE_PATTERN,
  treatmentDetailProblems,
  type RiskStatus,
  type Treatment,
} from '../../domain/risk.js';
import type { Instant } from '../../domain/time.js';
import { nextCounterValue } from '../../store/repositories/incidents.js';
import { findUser } from '../../store/repositories/people.js';
import { existingAssetIds, findRisk, insertRisk, insertRiskHistory, replaceRiskAssets } from '../../store/repositories/risks.js';
import type { ServiceContext } from '../context.js';
import { priorIdempotentResult, rememberIdempotentResult, type IdempotencyRequest } from '../idempotency.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction, type UnitOfWork } from '../transaction.js';
import { toRiskRecord, type Playbook, type RiskRecord } from './risk-record.js';
import { riskAppetiteOf, riskMatrixOf } from './risk-settings.js';

export interface CreateRiskInput {
  title: string;
  description?: string | undefined;
  threat?: string | undefined;
  vulnerability?: string | undefined;
  category: string;
  status?: RiskStatus | undefined;
  owner_id?: string | null | undefined;
  asset_ids?: string[] | undefined;
  techniques?: string[] | undefined;
  playbooks?: Playbook[] | undefined;
  tags?: string[] | undefined;
  inherent_likelihood: string;
  inherent_impact: string;
  residual_likelihood?: string | null | undefined;
  residual_impact?: string | null | undefined;
  treatment?: Treatment | null | undefined;
  treatment_details?: Record<string, unknown> | undefined;
  review_cadence_days?: number | undefined;
  next_review_at?: Instant | undefined;
  fair_inputs?: unknown;
}

export interface CreateRiskResult {
  risk: RiskRecord;
  /** True when an Idempotency-Key replay returned the risk created earlier. */
  replayed: boolean;
}

/** Adds a risk to the register (risk.write), numbered RISK-0001 onwards per organisation. */
export async function createRisk(ctx: ServiceContext, input: CreateRiskInput, idempotency?: IdempotencyRequest): Promise<CreateRiskResult> {
  authorize(ctx.actor, 'risk.write');
  return runInTransaction(ctx, async (uow) => {
    const priorId = await priorIdempotentResult(uow, idempotency);
    if (priorId) {
      const prior = await findRisk(uow.db, uow.actor.organisationId, priorId);
      if (!prior) throw notFound(`Risk ${priorId}`);
      return { risk: toRiskRecord(prior), replayed: true };
    }
    const risk = await openRisk(uow, input);
    await rememberIdempotentResult(uow, idempotency, risk.id);
    return { risk, replayed: false };
  });
}

/**
 * Adds a risk inside the caller's transaction (imports add many in one); the caller has authorised
 * risk.write. Checks people, assets, techniques and treatment details, scores it, and writes its
 * first history entry and audit entry.
 */
export async function openRisk(uow: UnitOfWork, input: CreateRiskInput): Promise<RiskRecord> {
  const organisationId = uow.actor.organisationId;
  const treatment = input.treatment ?? null;
  const details: Record<string, unknown> = { ...(input.treatment_details ?? {}) };
  if (treatment === 'accept' && details.accepted_at === undefined) details.accepted_at = uow.now;
  const status = input.status ?? statusForTreatment(treatment, null);
  const problems = [...treatmentDetailProblems(treatment, details), ...(await referenceProblems(uow, input, details))];
  if (status === 'accepted' && treatment !== 'accept') problems.push({ path: 'status', message: 'an accepted risk has the treatment "accept" (who accepted it, why and until when)' });
  if (problems.length) throw invalid('The risk cannot be saved as it is.', problems);

  const matrix = await riskMatrixOf(uow.db, organisationId);
  const appetite = await riskAppetiteOf(uow.db, organisationId);
  const scored = {
    status,
    inherent_likelihood: input.inherent_likelihood,
    inherent_impact: input.inherent_impact,
    residual_likelihood: input.residual_likelihood ?? null,
    residual_impact: input.residual_impact ?? null,
  };
  // A new risk has no controls yet and no simulation: residual = inherent unless set by hand.
  const score = scoreRisk(matrix, appetite, scored, [], null);

  const cadence = input.review_cadence_days ?? DEFAULT_REVIEW_CADENCE_DAYS;
  const sequence = await nextCounterValue(uow.db, organisationId, 'risk', '');
  const row = {
    id: newId('risk'),
    organisation_id: organisationId,
    number: formatRiskNumber(sequence),
    title: input.title.trim(),
    description: input.description ?? '',
    threat: input.threat ?? '',
    vulnerability: input.vulnerability ?? '',
    category: input.category.trim(),
    owner_id: input.owner_id ?? null,
    ...scored,
    ...score,
    treatment,
    treatment_details: details,
    review_cadence_days: cadence,
    next_review_at: input.next_review_at ?? nextReviewAfter(uow.now, cadence),
    last_reviewed_at: null,
    techniques: normaliseTechniques(input.techniques ?? []),
    playbooks: input.playbooks ?? [],
    tags: normaliseTags(input.tags ?? []),
    fair_inputs: input.fair_inputs ?? null,
    annual_loss_mean: null,
    annual_loss_p90: null,
    created_at: uow.now,
    created_by: uow.actor.userId,
    updated_at: uow.now,
    updated_by: uow.actor.userId,
    version: 1,
  };
  await insertRisk(uow.db, row);
  const assetIds = [...new Set(input.asset_ids ?? [])];
  if (assetIds.length) await replaceRiskAssets(uow.db, organisationId, row.id, assetIds);
  await insertRiskHistory(uow.db, [
    {
      id: newId('riskHistory'),
      organisation_id: organisationId,
      risk_id: row.id,
      at: uow.now,
      actor_id: uow.actor.userId,
      action: 'risk.create',
      changes: { status: { before: null, after: status }, inherent_level: { before: null, after: row.inherent_level }, residual_level: { before: null, after: row.residual_level } },
      reason: '',
      source: null,
      inherent_level: row.inherent_level,
      residual_level: row.residual_level,
      annual_loss_mean: null,
    },
  ]);
  await uow.audit('risk.create', { type: 'risk', id: row.id }, { number: row.number, title: row.title, inherent_level: row.inherent_level, residual_level: row.residual_level });
  uow.emit({ type: 'risk.created', entity_id: row.id, version: 1 });
  return { ...row, annual_rate: null, rate_confidence_years: 1, fair_inputs: row.fair_inputs as unknown, scored_residual_likelihood: score.scored_residual_likelihood, scored_residual_impact: score.scored_residual_impact };
}

/** Problems with what the risk points at: its owner, the person who accepted it, its assets, its techniques. */
export async function referenceProblems(
  uow: UnitOfWork,
  input: { owner_id?: string | null | undefined; asset_ids?: string[] | undefined; techniques?: string[] | undefined },
  details: Record<string, unknown> | null,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const organisationId = uow.actor.organisationId;
  const activeUser = async (id: string) => {
    const user = await findUser(uow.db, organisationId, id);
    return Boolean(user && !user.disabled_at);
  };
  if (input.owner_id && !(await activeUser(input.owner_id))) problems.push({ path: 'owner_id', message: 'unknown or disabled user' });
  if (details && typeof details.accepted_by === 'string' && details.accepted_by && !(await activeUser(details.accepted_by))) {
    problems.push({ path: 'treatment_details.accepted_by', message: 'unknown or disabled user' });
  }
  if (input.asset_ids?.length) {
    const known = await existingAssetIds(uow.db, organisationId, [...new Set(input.asset_ids)]);
    input.asset_ids.forEach((id, i) => {
      if (!known.has(id)) problems.push({ path: `asset_ids.${i}`, message: `no asset ${id}` });
    });
  }
  (input.techniques ?? []).forEach((id, i) => {
    if (!TECHNIQUE_PATTERN.test(id.trim())) problems.push({ path: `techniques.${i}`, message: `"${id}" is not an ATT&CK technique id (T1234 or T1234.001)` });
  });
  return problems;
}
