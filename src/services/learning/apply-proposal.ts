import { CONTROL_REF_MAX, EFFECTIVENESS_RANGE, EVIDENCE_NOTES_MAX, IMPLEMENTATION_STATUSES, type ImplementationStatus } from '../../domain/controls.js';
import { conflict, invalid, notFound, stale, type FieldProblem } from '../../domain/errors.js';
import { fairInputProblems, type FairInputs } from '../../domain/fair/inputs.js';
import { newId } from '../../domain/ids.js';
import type { ControlRow } from '../../store/schema.js';
import { findControl, findCustomControlByRef, insertControl, insertRiskControl, riskIdsRelyingOn, updateControl } from '../../store/repositories/controls.js';
import { findActionItemById, linkIncidentRisk } from '../../store/repositories/learning.js';
import { findRisk, insertRiskHistory } from '../../store/repositories/risks.js';
import { toControlRecord } from '../controls/control-record.js';
import { recordLinkChange } from '../controls/risk-control-link.js';
import { requireActiveUser } from '../members/require-active-user.js';
import { openRisk } from '../risks/create-risk.js';
import { rescoreRisks } from '../risks/rescore-risks.js';
import { toRiskRecord } from '../risks/risk-record.js';
import { changeRisk, type RiskChanges } from '../risks/update-risk.js';
import type { UnitOfWork } from '../transaction.js';
import type { ProposalRecord } from './proposal-record.js';

type Values = Record<string, unknown>;

const isInstant = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isText = (v: unknown) => typeof v === 'string' && v.trim().length > 0;

/** What is wrong with the values a proposal would write (paths `after.<field>`), beyond what the register's own services check. */
export function valueProblems(after: Values): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const bad = (field: string, message: string) => problems.push({ path: `after.${field}`, message });
  const has = (field: string) => Object.prototype.hasOwnProperty.call(after, field);
  if (has('annual_rate') && !(typeof after.annual_rate === 'number' && Number.isFinite(after.annual_rate) && after.annual_rate >= 0)) bad('annual_rate', 'events a year: a number ≥ 0');
  if (has('rate_confidence_years') && !(typeof after.rate_confidence_years === 'number' && Number.isFinite(after.rate_confidence_years) && after.rate_confidence_years > 0)) bad('rate_confidence_years', 'years of observation the estimate is worth: a number > 0');
  if (has('fair_inputs') && after.fair_inputs !== null) {
    for (const p of fairInputProblems(after.fair_inputs as FairInputs)) bad(`fair_inputs.${p.path}`, p.message);
  }
  if (has('playbooks')) {
    const list = Array.isArray(after.playbooks) ? (after.playbooks as Array<{ title?: unknown; url?: unknown }>) : null;
    if (!list) bad('playbooks', 'a list of {title, url}');
    list?.forEach((p, i) => {
      if (!isText(p.title)) bad(`playbooks.${i}.title`, 'a title is required');
      if (typeof p.url !== 'string' || !/^https?:\/\/\S+$/.test(p.url)) bad(`playbooks.${i}.url`, 'an http(s) address is required');
    });
  }
  if (has('effectiveness') && after.effectiveness !== null && !(Number.isInteger(after.effectiveness) && (after.effectiveness as number) >= EFFECTIVENESS_RANGE.min && (after.effectiveness as number) <= EFFECTIVENESS_RANGE.max)) {
    bad('effectiveness', `a whole number from ${EFFECTIVENESS_RANGE.min} to ${EFFECTIVENESS_RANGE.max}, or null`);
  }
  for (const field of ['next_test_at', 'last_tested_at']) if (has(field) && after[field] !== null && !isInstant(after[field])) bad(field, 'an ISO 8601 instant, or null');
  if (has('evidence_notes') && !(typeof after.evidence_notes === 'string' && after.evidence_notes.length <= EVIDENCE_NOTES_MAX)) bad('evidence_notes', `a text of at most ${EVIDENCE_NOTES_MAX} characters`);
  if (has('implementation_status') && !(IMPLEMENTATION_STATUSES as readonly unknown[]).includes(after.implementation_status)) bad('implementation_status', `one of ${IMPLEMENTATION_STATUSES.join(', ')}`);
  if (has('ref') && !(isText(after.ref) && (after.ref as string).length <= CONTROL_REF_MAX)) bad('ref', `a reference of 1 to ${CONTROL_REF_MAX} characters`);
  for (const field of ['title', 'category']) if (has(field) && !isText(after[field])) bad(field, 'must not be empty');
  return problems;
}

/** Where an accepted change came from, kept with the risk's history and the audit entry. */
const sourceOf = (p: ProposalRecord) => ({ incident_id: p.incident_id, review_id: p.review_id, proposal_id: p.id });

/** Applies an accepted proposal through the register's own rules, inside the deciding transaction; returns what changed. */
export async function applyProposal(uow: UnitOfWork, proposal: ProposalRecord, after: Values, note: string): Promise<Values> {
  const problems = valueProblems(after);
  if (problems.length) throw invalid('The proposal cannot be applied with these values.', problems);
  const source = sourceOf(proposal);
  const reason = note.trim() || proposal.reasoning.text;
  if (proposal.target_type === 'risk' && proposal.kind === 'loss_calibration') return recordLossCalibration(uow, proposal, after, reason);
  if (proposal.target_type === 'risk') {
    const action = proposal.kind === 'risk_frequency' ? 'risk.frequency_update' : 'risk.update';
    const risk = await changeRisk(uow, proposal.target_id, proposal.target_version, { ...(after as RiskChanges), reason }, { action, source });
    return { target_type: 'risk', target_id: risk.id, version: risk.version };
  }
  if (proposal.target_type === 'control') {
    const version = await changeControl(uow, proposal.target_id, proposal.target_version, after, source);
    return { target_type: 'control', target_id: proposal.target_id, version };
  }
  return createFromActionItem(uow, proposal, after, source, reason);
}

async function recordLossCalibration(uow: UnitOfWork, proposal: ProposalRecord, after: Values, reason: string): Promise<Values> {
  const row = await findRisk(uow.db, uow.actor.organisationId, proposal.target_id);
  if (!row) throw notFound(`Risk ${proposal.target_id}`);
  const risk = toRiskRecord(row);
  const changes = { realised_loss: { before: null, after: after.realised_loss ?? null }, loss_percentile: { before: null, after: after.percentile ?? null } };
  await insertRiskHistory(uow.db, [
    { id: newId('riskHistory'), organisation_id: uow.actor.organisationId, risk_id: risk.id, at: uow.now, actor_id: uow.actor.userId, action: 'risk.loss_calibration', changes, reason, source: sourceOf(proposal), inherent_level: risk.inherent_level, residual_level: risk.residual_level, annual_loss_mean: risk.annual_loss_mean },
  ]);
  await uow.audit('risk.loss_calibration', { type: 'risk', id: risk.id }, { number: risk.number, changes, source: sourceOf(proposal) });
  return { target_type: 'risk', target_id: risk.id, version: risk.version };
}

const CONTROL_FIELDS = ['implementation_status', 'effectiveness', 'next_test_at', 'last_tested_at', 'evidence_notes'] as const;

/** A control's assessment changed at the version the proposal saw; re-scores the risks relying on it when status or effectiveness moved. */
async function changeControl(uow: UnitOfWork, id: string, expectedVersion: number, after: Values, source: Values): Promise<number> {
  const row = await findControl(uow.db, uow.actor.organisationId, id, true);
  if (!row) throw notFound(`Control ${id}`);
  const current = toControlRecord(row);
  if (current.version !== expectedVersion) throw stale(current.version);
  const diff: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of CONTROL_FIELDS) {
    if (after[field] !== undefined && after[field] !== current[field]) diff[field] = { before: current[field], after: after[field] };
  }
  if (Object.keys(diff).length === 0) return current.version;
  const version = current.version + 1;
  const set = Object.fromEntries(Object.entries(diff).map(([field, d]) => [field, d.after])) as Partial<ControlRow>;
  if (!(await updateControl(uow.db, id, current.version, { ...set, updated_at: uow.now, updated_by: uow.actor.userId, version }))) throw stale(version);
  await uow.audit('control.updated', { type: 'control', id }, { ref: current.ref, changes: diff, source });
  uow.emit({ type: 'control.updated', entity_id: id, version });
  if (diff.effectiveness || diff.implementation_status) {
    const riskIds = await riskIdsRelyingOn(uow.db, id);
    const what = Object.keys(diff).filter((f) => f === 'effectiveness' || f === 'implementation_status').map((f) => `${f.replace('_', ' ')} ${String(diff[f]!.before ?? 'unset')} → ${String(diff[f]!.after ?? 'unset')}`).join(', ');
    if (riskIds.length) await rescoreRisks(uow, riskIds, { action: 'control.update', reason: `Control ${current.ref}: ${what}`, source: { type: 'control', id, ref: current.ref, ...source } });
  }
  return version;
}

/** An action item's new control (a planned custom control, linked to its risk) or new risk (a draft, linked to the incident). */
async function createFromActionItem(uow: UnitOfWork, proposal: ProposalRecord, after: Values, source: Values, reason: string): Promise<Values> {
  const organisationId = uow.actor.organisationId;
  const item = proposal.action_item_id ? await findActionItemById(uow.db, organisationId, proposal.action_item_id) : undefined;
  if (!item) throw notFound(`Action item ${proposal.action_item_id ?? ''}`);
  if (item.kind === 'new_risk') {
    const risk = await openRisk(uow, {
      title: String(after.title ?? ''),
      description: typeof after.description === 'string' ? after.description : '',
      category: String(after.category ?? ''),
      inherent_likelihood: String(after.inherent_likelihood ?? ''),
      inherent_impact: String(after.inherent_impact ?? ''),
      owner_id: typeof after.owner_id === 'string' ? after.owner_id : null,
      status: 'identified',
    });
    await linkIncidentRisk(uow.db, { organisation_id: organisationId, incident_id: proposal.incident_id, risk_id: risk.id, note: `Added from the review of this incident (${proposal.id})`, linked_at: uow.now, linked_by: uow.actor.userId });
    await insertRiskHistory(uow.db, [
      { id: newId('riskHistory'), organisation_id: organisationId, risk_id: risk.id, at: uow.now, actor_id: uow.actor.userId, action: 'risk.proposed_by_review', changes: { incidents: { before: null, after: proposal.incident_id } }, reason, source, inherent_level: risk.inherent_level, residual_level: risk.residual_level, annual_loss_mean: null },
    ]);
    await uow.audit('risk.proposed_by_review', { type: 'risk', id: risk.id }, { number: risk.number, source });
    return { created_type: 'risk', created_id: risk.id, number: risk.number };
  }
  const ref = String(after.ref ?? '').trim();
  if (await findCustomControlByRef(uow.db, organisationId, ref)) throw conflict(`There is already a custom control ${ref}; edit the proposal's ref.`);
  const ownerId = typeof after.owner_id === 'string' && after.owner_id ? after.owner_id : null;
  if (ownerId) await requireActiveUser(uow, ownerId, 'after.owner_id');
  const riskId = typeof after.risk_id === 'string' && after.risk_id ? after.risk_id : null;
  const risk = riskId ? await findRisk(uow.db, organisationId, riskId) : undefined;
  if (riskId && !risk) throw invalid(`${riskId} is not a risk of this organisation.`, [{ path: 'after.risk_id', message: 'unknown risk' }]);
  const id = newId('control');
  await insertControl(uow.db, {
    id,
    organisation_id: organisationId,
    catalog_id: null,
    ref,
    title: String(after.title ?? '').trim(),
    description: typeof after.description === 'string' ? after.description : '',
    family: typeof after.family === 'string' ? after.family : '',
    parent_ref: null,
    position: 0,
    implementation_status: (after.implementation_status as ImplementationStatus | undefined) ?? 'planned',
    owner_id: ownerId,
    effectiveness: null,
    maturity: null,
    last_tested_at: null,
    next_test_at: null,
    evidence_notes: `From the review of incident ${proposal.incident_id} (${proposal.id}).`,
    created_at: uow.now,
    created_by: uow.actor.userId,
    updated_at: uow.now,
    updated_by: uow.actor.userId,
    version: 1,
  });
  await uow.audit('control.created', { type: 'control', id }, { ref, title: String(after.title ?? ''), source });
  uow.emit({ type: 'control.created', entity_id: id, version: 1 });
  if (risk) {
    await insertRiskControl(uow.db, { organisation_id: organisationId, risk_id: risk.id, control_id: id, status: 'planned', owner_id: ownerId, due_at: null, note: reason, created_at: uow.now, created_by: uow.actor.userId, updated_at: uow.now, version: 1 });
    await uow.audit('risk.control_linked', { type: 'risk', id: risk.id }, { control_id: id, ref, status: 'planned', source });
    await recordLinkChange(uow, risk.id, 'risk.control_linked', `Relies on control ${ref} (from a review)`, { controls: { before: null, after: ref } }, { type: 'control', id, ref, ...source });
    uow.emit({ type: 'risk.updated', entity_id: risk.id });
  }
  return { created_type: 'control', created_id: id, ref, risk_id: risk?.id ?? null };
}
