import { invalid, stale } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { normaliseTags } from '../../domain/incident.js';
import { lecOf, nextReviewAfter, normaliseTechniques, scoreRisk, statusForTreatment, treatmentDetailProblems, type RiskStatus, type Treatment } from '../../domain/risk.js';
import type { Instant } from '../../domain/time.js';
import { insertRiskHistory, latestSimulationResults, listRiskAssets, listScoringControls, replaceRiskAssets, updateRisk as writeRisk } from '../../store/repositories/risks.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction, type UnitOfWork } from '../transaction.js';
import { referenceProblems } from './create-risk.js';
import { loadRiskForChange } from './load-risk.js';
import type { Playbook, RiskRecord } from './risk-record.js';
import { riskAppetiteOf, riskMatrixOf } from './risk-settings.js';

export interface RiskChanges {
  title?: string | undefined;
  description?: string | undefined;
  threat?: string | undefined;
  vulnerability?: string | undefined;
  category?: string | undefined;
  status?: RiskStatus | undefined;
  owner_id?: string | null | undefined;
  asset_ids?: string[] | undefined;
  techniques?: string[] | undefined;
  playbooks?: Playbook[] | undefined;
  tags?: string[] | undefined;
  inherent_likelihood?: string | undefined;
  inherent_impact?: string | undefined;
  residual_likelihood?: string | null | undefined;
  residual_impact?: string | null | undefined;
  treatment?: Treatment | null | undefined;
  treatment_details?: Record<string, unknown> | undefined;
  review_cadence_days?: number | undefined;
  next_review_at?: Instant | undefined;
  fair_inputs?: unknown;
  annual_rate?: number | null | undefined;
  rate_confidence_years?: number | undefined;
  /** Why: kept with the history entry. */
  reason?: string | undefined;
}

const SCORE_FIELDS = ['inherent_level', 'residual_level', 'scored_residual_likelihood', 'scored_residual_impact', 'over_appetite'] as const;

/**
 * Edits a risk at the version the editor saw (412 otherwise): every changed field, including the
 * scores it moves, goes to the risk's history with the reason, and to the audit log.
 */
export async function updateRisk(ctx: ServiceContext, idOrNumber: string, expectedVersion: number, input: RiskChanges): Promise<RiskRecord> {
  authorize(ctx.actor, 'risk.write');
  return runInTransaction(ctx, (uow) => changeRisk(uow, idOrNumber, expectedVersion, input));
}

/** Where a change came from and how the history names it (the closed loop: incident, review, proposal). */
export interface RiskChangeOrigin {
  action: string;
  source: Record<string, unknown>;
}

/** updateRisk inside the caller's transaction; the caller has authorised risk.write. */
export async function changeRisk(uow: UnitOfWork, idOrNumber: string, expectedVersion: number, input: RiskChanges, origin?: RiskChangeOrigin): Promise<RiskRecord> {
  const { reason, asset_ids: assetIds, ...changes } = input;
  const before = await loadRiskForChange(uow, idOrNumber, expectedVersion);
  const organisationId = uow.actor.organisationId;

  const next: Record<string, unknown> = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  if (changes.title !== undefined) next.title = changes.title.trim();
  if (changes.category !== undefined) next.category = changes.category.trim();
  if (changes.tags !== undefined) next.tags = normaliseTags(changes.tags);
  if (changes.techniques !== undefined) next.techniques = normaliseTechniques(changes.techniques);
  // A new treatment brings its own details; details alone amend the current treatment's.
  if (changes.treatment !== undefined && changes.treatment !== before.treatment && changes.treatment_details === undefined) next.treatment_details = {};
  const treatment = (next.treatment === undefined ? before.treatment : next.treatment) as Treatment | null;
  const details = { ...((next.treatment_details ?? before.treatment_details) as Record<string, unknown>) };
  if (treatment === 'accept' && details.accepted_at === undefined) details.accepted_at = uow.now;
  if (next.treatment_details !== undefined || next.treatment !== undefined) next.treatment_details = details;
  // A new treatment decision moves an open risk's status along, unless the editor says otherwise.
  if (changes.treatment !== undefined && changes.treatment !== before.treatment && changes.status === undefined && before.status !== 'closed') {
    next.status = statusForTreatment(treatment, before.status);
  }
  if (changes.review_cadence_days !== undefined && changes.next_review_at === undefined) {
    next.next_review_at = nextReviewAfter(before.last_reviewed_at ?? before.created_at, changes.review_cadence_days);
  }

  const currentAssets = (await listRiskAssets(uow.db, [before.id])).map((a) => a.id).sort();
  const wantedAssets = assetIds === undefined ? currentAssets : [...new Set(assetIds)].sort();
  const assetsChanged = JSON.stringify(currentAssets) !== JSON.stringify(wantedAssets);

  const status = (next.status ?? before.status) as RiskStatus;
  const problems = [
    ...treatmentDetailProblems(treatment, details),
    ...(await referenceProblems(uow, { owner_id: changes.owner_id === before.owner_id ? undefined : changes.owner_id, asset_ids: assetIds, techniques: changes.techniques }, next.treatment_details === undefined ? null : details)),
  ];
  if (status === 'accepted' && treatment !== 'accept') problems.push({ path: 'status', message: 'an accepted risk has the treatment "accept" (who accepted it, why and until when)' });
  if (problems.length) throw invalid('The risk cannot be saved as it is.', problems);

  const merged = { ...before, ...next } as RiskRecord;
  const matrix = await riskMatrixOf(uow.db, organisationId);
  const appetite = await riskAppetiteOf(uow.db, organisationId);
  const controls = (await listScoringControls(uow.db, organisationId, [before.id])).map((c) => ({ implementation_status: c.implementation_status, effectiveness: c.effectiveness === null ? null : Number(c.effectiveness) }));
  const simulation = (await latestSimulationResults(uow.db, organisationId, [before.id])).get(before.id);
  const score = scoreRisk(matrix, appetite, merged, controls, lecOf(simulation?.result ?? null));
  for (const field of SCORE_FIELDS) next[field] = score[field];

  const changed = Object.keys(next).filter((field) => JSON.stringify(next[field]) !== JSON.stringify(before[field as keyof RiskRecord]));
  if (changed.length === 0 && !assetsChanged) return before;

  const columns: Record<string, unknown> = { updated_at: uow.now, updated_by: uow.actor.userId };
  for (const field of changed) columns[field] = next[field];
  if (!(await writeRisk(uow.db, before.id, before.version, columns))) throw stale(before.version + 1);
  if (assetsChanged) await replaceRiskAssets(uow.db, organisationId, before.id, wantedAssets);

  const diff: Record<string, { before: unknown; after: unknown }> = Object.fromEntries(changed.map((f) => [f, { before: before[f as keyof RiskRecord] ?? null, after: next[f] ?? null }]));
  if (assetsChanged) diff.asset_ids = { before: currentAssets, after: wantedAssets };
  const result: RiskRecord = { ...merged, ...score, updated_at: uow.now, updated_by: uow.actor.userId, version: before.version + 1 };
  const action = origin?.action ?? 'risk.update';
  await insertRiskHistory(uow.db, [
    { id: newId('riskHistory'), organisation_id: organisationId, risk_id: before.id, at: uow.now, actor_id: uow.actor.userId, action, changes: diff, reason: reason?.trim() ?? '', source: origin?.source ?? null, inherent_level: result.inherent_level, residual_level: result.residual_level, annual_loss_mean: result.annual_loss_mean },
  ]);
  await uow.audit(action, { type: 'risk', id: before.id }, { number: before.number, version: result.version, changes: diff, reason: reason?.trim() ?? '', ...(origin ? { source: origin.source } : {}) });
  uow.emit({ type: 'risk.updated', entity_id: before.id, version: result.version });
  return result;
}
