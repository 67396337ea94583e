import { controlLesson, evidenceLine, type ControlOutcome } from '../../domain/learning/controls.js';
import { likelihoodForRate, observationYears, ratePrior, round, scaleFrequency, updateRate } from '../../domain/learning/frequency.js';
import { lossPercentile, realisedTotal, type RealisedLoss } from '../../domain/learning/loss.js';
import type { Factor } from '../../domain/fair/inputs.js';
import type { RiskMatrix } from '../../domain/risk-matrix.js';
import { lecOf } from '../../domain/risk.js';
import { readJson } from '../../store/dialect.js';
import { findControl } from '../../store/repositories/controls.js';
import { countIncidentsLinkedSince, lastHistoryAt } from '../../store/repositories/learning.js';
import { findRisk, latestSimulationResults } from '../../store/repositories/risks.js';
import type { ActionItemRow, ControlOutcomeRow, IncidentRow, ReviewRow } from '../../store/schema.js';
import { toControlRecord } from '../controls/control-record.js';
import { toRiskRecord, type RiskRecord } from '../risks/risk-record.js';
import type { UnitOfWork } from '../transaction.js';
import type { ProposalKind, ProposalTargetType, Reasoning } from './proposal-record.js';

/** A proposal before it is stored. */
export interface ProposalDraft {
  kind: ProposalKind;
  target_type: ProposalTargetType;
  target_id: string;
  target_version: number;
  action_item_id: string | null;
  reasoning: Reasoning;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** What every draft reads: the review, its incident and the risk matrix. */
export interface LearningScope {
  uow: UnitOfWork;
  review: ReviewRow;
  incident: IncidentRow;
  matrix: RiskMatrix;
}

/** The history actions that set a risk's frequency estimate: the observation window starts at the last one. */
export const FREQUENCY_ACTIONS = ['risk.frequency_update'];

const fmt = (v: number | null) => (v === null ? '—' : String(round(v)));
const levelName = (matrix: RiskMatrix, id: string) => matrix.likelihood_levels.find((l) => l.id === id)?.name ?? id;

/** The frequency proposal for a risk this incident materialised, and the loss calibration when the review recorded a realised loss. */
export async function riskDrafts(scope: LearningScope, riskId: string): Promise<ProposalDraft[]> {
  const { uow, incident } = scope;
  const row = await findRisk(uow.db, uow.actor.organisationId, riskId);
  if (!row) return [];
  const risk = toRiskRecord(row);
  const drafts: ProposalDraft[] = [];
  const frequency = await frequencyDraft(scope, risk);
  if (frequency) drafts.push(frequency);
  const impact = readJson<{ realised_loss?: RealisedLoss | null } | null>(scope.review.impact);
  const realised = realisedTotal(impact?.realised_loss ?? null);
  if (realised !== null) {
    const simulation = (await latestSimulationResults(uow.db, uow.actor.organisationId, [risk.id])).get(risk.id);
    const result = (simulation?.result ?? null) as { mean?: number; p90?: number } | null;
    const lec = lecOf(simulation?.result ?? null);
    const percentile = lec ? lossPercentile(lec, realised) : null;
    const estimate = { mean: typeof result?.mean === 'number' ? result.mean : risk.annual_loss_mean, p90: typeof result?.p90 === 'number' ? result.p90 : risk.annual_loss_p90 };
    const where =
      percentile === null
        ? 'the risk has no simulation to compare with; accepting records the realised loss in its history'
        : `it landed at the ${Math.round(percentile * 100)}th percentile of the estimated annual loss${percentile >= 0.9 ? ' — above the 90th: the estimate may be too low' : percentile <= 0.1 ? ' — below the 10th: the estimate may be too high' : ''}`;
    drafts.push({
      kind: 'loss_calibration',
      target_type: 'risk',
      target_id: risk.id,
      target_version: risk.version,
      action_item_id: null,
      reasoning: {
        text: `${incident.number} cost ${fmt(realised)} in total; ${where}.`,
        steps: [
          { label: 'Realised loss', value: fmt(realised) },
          { label: 'Estimated annual loss (mean)', value: fmt(estimate.mean) },
          { label: 'Estimated annual loss (p90)', value: fmt(estimate.p90) },
          { label: 'Simulation', value: simulation ? `${simulation.id} (${simulation.iterations} years simulated)` : 'none' },
          { label: 'Percentile', value: percentile === null ? '—' : `${round(percentile * 100)} % (1 − P(annual loss ≥ realised))` },
        ],
      },
      before: { annual_loss_mean: estimate.mean, annual_loss_p90: estimate.p90, simulation_id: simulation?.id ?? null },
      after: { realised_loss: realised, percentile: percentile === null ? null : round(percentile) },
    });
  }
  return drafts;
}

async function frequencyDraft(scope: LearningScope, risk: RiskRecord): Promise<ProposalDraft | null> {
  const { uow, incident, matrix } = scope;
  const prior = ratePrior(matrix, risk.scored_residual_likelihood, risk.annual_rate, risk.rate_confidence_years);
  if (!prior || !(prior.years > 0)) return null;
  const since = (await lastHistoryAt(uow.db, risk.id, FREQUENCY_ACTIONS)) ?? risk.created_at;
  const years = observationYears(since, uow.now);
  const events = Math.max(1, await countIncidentsLinkedSince(uow.db, risk.id, since));
  const update = updateRate(prior, events, years);
  const { posterior } = update;
  const newRate = round(posterior.mean);
  const level = likelihoodForRate(matrix, newRate);
  const after: Record<string, unknown> = { annual_rate: newRate, rate_confidence_years: round(posterior.rate) };
  const before: Record<string, unknown> = { annual_rate: risk.annual_rate, rate_confidence_years: risk.rate_confidence_years, residual_likelihood: risk.residual_likelihood, residual_impact: risk.residual_impact };
  const steps = [
    {
      label: 'Prior',
      value:
        prior.from === 'annual_rate'
          ? `${fmt(prior.rate)} a year (the stated estimate), worth ${fmt(prior.years)} year(s): Gamma(α = ${fmt(update.prior.shape)}, β = ${fmt(update.prior.rate)})`
          : `${fmt(prior.rate)} a year (the ${levelName(matrix, risk.scored_residual_likelihood)} band of the residual likelihood), worth ${fmt(prior.years)} year(s): Gamma(α = ${fmt(update.prior.shape)}, β = ${fmt(update.prior.rate)})`,
    },
    { label: 'Observed', value: `${events} incident(s) over ${fmt(years)} year(s) since ${since.slice(0, 10)}` },
    { label: 'Posterior', value: `Gamma(α = ${fmt(posterior.shape)}, β = ${fmt(posterior.rate)}): mean ${fmt(posterior.mean)} a year, 90 % credible ${fmt(posterior.low)}–${fmt(posterior.high)}` },
    { label: 'Likelihood level', value: `${levelName(matrix, risk.scored_residual_likelihood)} → ${level.name} (band ${level.annual_rate.min}–${level.annual_rate.max ?? '∞'} a year)` },
  ];
  if (level.id !== risk.scored_residual_likelihood) {
    after.residual_likelihood = level.id;
    after.residual_impact = risk.scored_residual_impact;
  }
  const fair = risk.fair_inputs as { threat_event_frequency?: Factor } | null;
  if (fair && fair.threat_event_frequency !== undefined && update.prior.mean > 0) {
    const ratio = posterior.mean / update.prior.mean;
    const tef = scaleFrequency(fair.threat_event_frequency, ratio);
    after.fair_inputs = { ...fair, threat_event_frequency: tef };
    before.fair_inputs = fair;
    steps.push({ label: 'FAIR threat event frequency', value: `× ${fmt(ratio)} (posterior mean / prior mean): ${JSON.stringify(fair.threat_event_frequency)} → ${JSON.stringify(tef)}` });
  }
  return {
    kind: 'risk_frequency',
    target_type: 'risk',
    target_id: risk.id,
    target_version: risk.version,
    action_item_id: null,
    reasoning: {
      text: `${risk.number} materialised in ${incident.number}: its estimated rate moves from ${fmt(update.prior.mean)} to ${fmt(newRate)} events a year (${level.name}${level.id === risk.scored_residual_likelihood ? ', unchanged level' : ''}).`,
      steps,
    },
    before,
    after,
  };
}

/** What a control's outcome in the incident proposes: lower effectiveness and an earlier test, or evidence that it worked. */
export async function outcomeDrafts(scope: LearningScope, outcome: ControlOutcomeRow): Promise<ProposalDraft[]> {
  const { uow, incident } = scope;
  const row = await findControl(uow.db, uow.actor.organisationId, outcome.control_id);
  if (!row) return [];
  const control = toControlRecord(row);
  const evidence = evidenceLine(uow.now, incident.number, outcome.outcome as ControlOutcome, outcome.note);
  const lesson = controlLesson(control, outcome.outcome as ControlOutcome, uow.now, evidence);
  const before = Object.fromEntries(Object.keys(lesson.after).map((k) => [k, control[k as keyof typeof control] ?? null]));
  const text =
    lesson.kind === 'control_evidence'
      ? `${control.ref} ${outcome.outcome === 'worked' ? 'worked' : 'detected the incident'} in ${incident.number}: record it as evidence.`
      : outcome.outcome === 'absent'
        ? `${control.ref} was absent when ${incident.number} needed it: note effectiveness 0, implement it and test it within 30 days.`
        : `${control.ref} ${outcome.outcome === 'failed' ? 'failed' : 'was bypassed'} in ${incident.number}: lower its effectiveness and test it again within 30 days.`;
  return [{ kind: lesson.kind, target_type: 'control', target_id: control.id, target_version: control.version, action_item_id: null, reasoning: { text, steps: lesson.steps }, before, after: lesson.after }];
}

const URL_PATTERN = /https?:\/\/[^\s<>")]+/;

/** The register change an action item stands for (null for kinds that change nothing in the register, or without a target). */
export async function actionItemDraft(scope: LearningScope, item: ActionItemRow): Promise<ProposalDraft | null> {
  const { uow, incident, matrix } = scope;
  const organisationId = uow.actor.organisationId;
  const base = { kind: 'action_item' as const, action_item_id: item.id };
  const origin = { label: 'Action item', value: `${item.title} (${item.kind.replace(/_/g, ' ')}${item.due_at ? `, due ${item.due_at.slice(0, 10)}` : ''})` };
  switch (item.kind) {
    case 'control_improvement': {
      const row = item.control_id ? await findControl(uow.db, organisationId, item.control_id) : undefined;
      if (!row) return null;
      const control = toControlRecord(row);
      const line = `${uow.now.slice(0, 10)} ${incident.number}: improvement planned — ${item.title}`;
      const after: Record<string, unknown> = { evidence_notes: control.evidence_notes.trim() ? `${control.evidence_notes.replace(/\s+$/, '')}\n${line}` : line };
      if (item.due_at) after.next_test_at = item.due_at;
      const before = Object.fromEntries(Object.keys(after).map((k) => [k, control[k as keyof typeof control] ?? null]));
      return { ...base, target_type: 'control', target_id: control.id, target_version: control.version, reasoning: { text: `Improve ${control.ref}: ${item.title}${item.due_at ? `; test it when the work is due` : ''}.`, steps: [origin, { label: 'Control', value: `${control.ref} ${control.title}` }] }, before, after };
    }
    case 'new_control': {
      const after = { ref: `${incident.number}-${item.id.slice(-4)}`, title: item.title, description: item.description, family: '', implementation_status: 'planned', owner_id: item.owner_id, risk_id: item.risk_id };
      return { ...base, target_type: 'action_item', target_id: item.id, target_version: Number(item.version), reasoning: { text: `Add a new control "${item.title}" (planned)${item.risk_id ? ' that the risk relies on' : ''}.`, steps: [origin, { label: 'Draft', value: 'a custom control, status planned; edit its ref and text before accepting' }] }, before: {}, after };
    }
    case 'new_risk': {
      const likelihood = likelihoodForRate(matrix, 1);
      const impact = matrix.impact_levels[Math.floor(matrix.impact_levels.length / 2)]!;
      const after = { title: item.title, description: item.description, category: incident.category, inherent_likelihood: likelihood.id, inherent_impact: impact.id, owner_id: item.owner_id };
      return {
        ...base,
        target_type: 'action_item',
        target_id: item.id,
        target_version: Number(item.version),
        reasoning: {
          text: `Add a new risk "${item.title}" to the register, linked to ${incident.number}.`,
          steps: [origin, { label: 'Likelihood', value: `${likelihood.name}: one event a year, as observed once` }, { label: 'Impact', value: `${impact.name}: the middle of the scale until assessed` }, { label: 'Category', value: `${incident.category} (the incident's)` }],
        },
        before: {},
        after,
      };
    }
    case 'treatment_change':
    case 'playbook_change': {
      const row = item.risk_id ? await findRisk(uow.db, organisationId, item.risk_id) : undefined;
      if (!row) return null;
      const risk = toRiskRecord(row);
      if (item.kind === 'treatment_change') {
        const plan = [item.title, item.description.trim()].filter(Boolean).join(': ');
        const current = risk.treatment === 'mitigate' && typeof risk.treatment_details.plan === 'string' && risk.treatment_details.plan.trim() ? `${risk.treatment_details.plan.trim()}\n` : '';
        const after = { treatment: 'mitigate', treatment_details: { plan: `${current}${plan}` } };
        return { ...base, target_type: 'risk', target_id: risk.id, target_version: risk.version, reasoning: { text: `Treat ${risk.number} by mitigation: ${item.title}.`, steps: [origin, { label: 'Treatment', value: `${risk.treatment ?? 'none'} → mitigate` }] }, before: { treatment: risk.treatment, treatment_details: risk.treatment_details }, after };
      }
      const url = URL_PATTERN.exec(item.description)?.[0] ?? '';
      const after = { playbooks: [...risk.playbooks, { title: item.title, url }] };
      return {
        ...base,
        target_type: 'risk',
        target_id: risk.id,
        target_version: risk.version,
        reasoning: { text: `Add the playbook "${item.title}" to ${risk.number}.${url ? '' : ' The action item names no address: add the playbook\'s URL before accepting.'}`, steps: [origin, { label: 'Playbook', value: url || 'no URL yet' }] },
        before: { playbooks: risk.playbooks },
        after,
      };
    }
    default:
      return null;
  }
}
