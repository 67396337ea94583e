import { invalid, stale } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { normaliseTags } from '../../domain/incident.js';
import { lecOf, nextReviewAfter, normaliseTechniques, scoreRisk, treatmentDetailProblems, type Treatment } from '../../domain/risk.js';
import type { RiskAppetite } from '../../domain/risk-appetite.js';
import type { RiskRowFields } from '../../domain/risk-csv.js';
import type { RiskMatrix } from '../../domain/risk-matrix.js';
import { insertRiskHistory, latestSimulationResults, listRiskAssets, listScoringControls, replaceRiskAssets, updateRisk } from '../../store/repositories/risks.js';
import type { RiskRow } from '../../store/schema.js';
import { toRiskRecord, type RiskRecord } from '../risks/risk-record.js';
import type { UnitOfWork } from '../transaction.js';

const SCORE_FIELDS = ['inherent_level', 'residual_level', 'scored_residual_likelihood', 'scored_residual_impact', 'over_appetite'] as const;
const TEXT_FIELDS = ['title', 'description', 'threat', 'vulnerability', 'category', 'status', 'inherent_likelihood', 'inherent_impact', 'residual_likelihood', 'residual_impact', 'treatment', 'review_cadence_days', 'next_review_at'] as const;

export interface ResolvedRow {
  fields: RiskRowFields;
  /** The owner's user id when the row has an owner column (null: none). */
  ownerId?: string | null | undefined;
  assetIds?: string[] | undefined;
  treatmentDetails?: Record<string, unknown> | undefined;
}

/**
 * Applies an import row to an existing risk with the rules of an edit (PATCH /risks/{id}): only the
 * columns the row has; a new treatment without details clears the old details; a new cadence
 * without a review date moves the date; scores follow. Answers the fields that changed (none: the
 * risk is left as it was, with no history entry).
 */
export async function updateFromRow(uow: UnitOfWork, row: RiskRow, input: ResolvedRow, settings: { matrix: RiskMatrix; appetite: RiskAppetite }, source: { row: number }): Promise<string[]> {
  const before = toRiskRecord(row);
  const organisationId = uow.actor.organisationId;
  const next: Record<string, unknown> = {};
  for (const field of TEXT_FIELDS) if (input.fields[field] !== undefined) next[field] = input.fields[field];
  if (typeof next.title === 'string') next.title = next.title.trim();
  if (input.ownerId !== undefined) next.owner_id = input.ownerId;
  if (input.fields.tags) next.tags = normaliseTags(input.fields.tags);
  if (input.fields.techniques) next.techniques = normaliseTechniques(input.fields.techniques);
  if (input.treatmentDetails !== undefined) next.treatment_details = input.treatmentDetails;
  if (next.treatment !== undefined && next.treatment !== before.treatment && next.treatment_details === undefined) next.treatment_details = {};
  const treatment = (next.treatment === undefined ? before.treatment : next.treatment) as Treatment | null;
  const details = { ...((next.treatment_details ?? before.treatment_details) as Record<string, unknown>) };
  if (treatment === 'accept' && details.accepted_at === undefined) details.accepted_at = uow.now;
  if (next.treatment_details !== undefined || next.treatment !== undefined) next.treatment_details = details;
  if (typeof next.review_cadence_days === 'number' && next.next_review_at === undefined && next.review_cadence_days !== before.review_cadence_days) {
    next.next_review_at = nextReviewAfter(before.last_reviewed_at ?? before.created_at, next.review_cadence_days);
  }

  const currentAssets = (await listRiskAssets(uow.db, [before.id])).map((a) => a.id).sort();
  const wantedAssets = input.assetIds === undefined ? currentAssets : [...new Set(input.assetIds)].sort();
  const assetsChanged = JSON.stringify(currentAssets) !== JSON.stringify(wantedAssets);

  const status = next.status ?? before.status;
  const problems = treatmentDetailProblems(treatment, details);
  if (status === 'accepted' && treatment !== 'accept') problems.push({ path: 'status', message: 'an accepted risk has the treatment "accept" (who accepted it, why and until when)' });
  if (problems.length) throw invalid('The risk cannot be saved as it is.', problems);

  const merged = { ...before, ...next } as RiskRecord;
  const controls = (await listScoringControls(uow.db, organisationId, [before.id])).map((c) => ({ implementation_status: c.implementation_status, effectiveness: c.effectiveness === null ? null : Number(c.effectiveness) }));
  const simulation = (await latestSimulationResults(uow.db, organisationId, [before.id])).get(before.id);
  const score = scoreRisk(settings.matrix, settings.appetite, merged, controls, lecOf(simulation?.result ?? null));
  for (const field of SCORE_FIELDS) next[field] = score[field];

  const changed = Object.keys(next).filter((field) => JSON.stringify(next[field] ?? null) !== JSON.stringify(before[field as keyof RiskRecord] ?? null));
  if (changed.length === 0 && !assetsChanged) return [];

  const columns: Record<string, unknown> = { updated_at: uow.now, updated_by: uow.actor.userId };
  for (const field of changed) columns[field] = next[field];
  if (!(await updateRisk(uow.db, before.id, before.version, columns))) throw stale(before.version + 1);
  if (assetsChanged) await replaceRiskAssets(uow.db, organisationId, before.id, wantedAssets);

  const diff: Record<string, { before: unknown; after: unknown }> = Object.fromEntries(changed.map((f) => [f, { before: before[f as keyof RiskRecord] ?? null, after: next[f] ?? null }]));
  if (assetsChanged) diff.asset_ids = { before: currentAssets, after: wantedAssets };
  const version = before.version + 1;
  await insertRiskHistory(uow.db, [
    { id: newId('riskHistory'), organisation_id: organisationId, risk_id: before.id, at: uow.now, actor_id: uow.actor.userId, action: 'risk.update', changes: diff, reason: 'import', source: { kind: 'import', row: source.row }, inherent_level: score.inherent_level, residual_level: score.residual_level, annual_loss_mean: before.annual_loss_mean },
  ]);
  await uow.audit('risk.update', { type: 'risk', id: before.id }, { number: before.number, version, changes: diff, reason: 'import', row: source.row });
  uow.emit({ type: 'risk.updated', entity_id: before.id, version });
  return Object.keys(diff);
}
