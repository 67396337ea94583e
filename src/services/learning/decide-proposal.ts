import { BulwarkError, conflict, invalid, notFound } from '../../domain/errors.js';
import { readBool } from '../../store/dialect.js';
import { findIncident } from '../../store/repositories/incidents.js';
import { findActionItemById, findIncidentControlOutcome, linkedRiskIds } from '../../store/repositories/learning.js';
import { findProposal, updateProposal } from '../../store/repositories/proposals.js';
import { findControl } from '../../store/repositories/controls.js';
import { findRisk } from '../../store/repositories/risks.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { restrictedVisibilityFor } from '../policies/incident-visibility.js';
import { runInTransaction, type UnitOfWork } from '../transaction.js';
import { applyProposal } from './apply-proposal.js';
import { actionItemDraft, outcomeDrafts, riskDrafts, type ProposalDraft } from './draft-proposals.js';
import { toProposalRecord, type ProposalRecord } from './proposal-record.js';
import { learningScope, storeDrafts } from './propose-changes.js';

export interface AcceptInput {
  /** Edited values: a subset of the proposal's `after`. */
  after?: Record<string, unknown> | undefined;
  note?: string | undefined;
}

/** A pending proposal of an incident the actor may see, row-locked; 404 otherwise, 409 when already decided. */
async function loadPending(uow: UnitOfWork, id: string): Promise<{ proposal: ProposalRecord; restricted: boolean }> {
  const row = await findProposal(uow.db, uow.actor.organisationId, id, true);
  const incident = row ? await findIncident(uow.db, uow.actor.organisationId, row.incident_id, restrictedVisibilityFor(uow.actor)) : undefined;
  if (!row || !incident) throw notFound(`Proposal ${id}`);
  const proposal = toProposalRecord(row);
  if (proposal.status !== 'pending') throw conflict(`This proposal is ${proposal.status} already${proposal.status === 'stale' ? '; decide the fresh proposal made in its place' : ''}.`, { proposal_status: proposal.status });
  return { proposal, restricted: readBool(incident.restricted) };
}

/** The target's version now (null: it no longer exists). */
async function targetVersion(uow: UnitOfWork, p: ProposalRecord): Promise<number | null> {
  const org = uow.actor.organisationId;
  const row = p.target_type === 'risk' ? await findRisk(uow.db, org, p.target_id) : p.target_type === 'control' ? await findControl(uow.db, org, p.target_id) : await findActionItemById(uow.db, org, p.target_id);
  return row ? Number(row.version) : null;
}

/** The same proposal made again from the target's current state (null when there is nothing left to propose). */
async function redraft(uow: UnitOfWork, p: ProposalRecord): Promise<ProposalRecord | null> {
  const scope = await learningScope(uow, p.review_id);
  let drafts: ProposalDraft[] = [];
  if (p.kind === 'action_item') {
    const item = p.action_item_id ? await findActionItemById(uow.db, uow.actor.organisationId, p.action_item_id) : undefined;
    const draft = item ? await actionItemDraft(scope, item) : null;
    drafts = draft ? [draft] : [];
  } else if (p.target_type === 'control') {
    const outcome = await findIncidentControlOutcome(uow.db, p.incident_id, p.target_id);
    drafts = outcome ? await outcomeDrafts(scope, outcome) : [];
  } else if ((await linkedRiskIds(uow.db, p.incident_id)).includes(p.target_id)) {
    drafts = await riskDrafts(scope, p.target_id);
  }
  const same = drafts.filter((d) => d.kind === p.kind);
  if (same.length === 0) return null;
  return (await storeDrafts(scope, same.slice(0, 1)))[0]!;
}

/**
 * Accepts a proposal (risk.write), optionally with edited values, and applies it through the
 * register's rules: the risk's history and the audit log record it with the incident, review and
 * proposal it came from. A target changed since the proposal was made makes it stale: 412, with a
 * fresh proposal from the target's current state in the problem (`fresh_proposal`).
 */
export async function acceptProposal(ctx: ServiceContext, id: string, input: AcceptInput): Promise<ProposalRecord> {
  authorize(ctx.actor, 'risk.write');
  const outcome = await runInTransaction(ctx, async (uow): Promise<{ accepted: ProposalRecord } | { stale: ProposalRecord; current: number | null; fresh: ProposalRecord | null }> => {
    const { proposal, restricted } = await loadPending(uow, id);
    const edited = input.after ?? {};
    const unknown = Object.keys(edited).filter((k) => !Object.prototype.hasOwnProperty.call(proposal.after, k));
    if (unknown.length) throw invalid('Only the values this proposal changes can be edited.', unknown.map((k) => ({ path: `body.after.${k}`, message: `not part of this proposal (it changes ${Object.keys(proposal.after).join(', ') || 'nothing'})` })));

    const current = await targetVersion(uow, proposal);
    if (current !== proposal.target_version) {
      if (!(await updateProposal(uow.db, proposal.id, proposal.version, { status: 'stale', version: proposal.version + 1 }))) throw conflict('This proposal was decided at the same moment.');
      const fresh = await redraft(uow, proposal);
      await uow.audit('proposal.stale', { type: 'proposal', id: proposal.id }, { target_type: proposal.target_type, target_id: proposal.target_id, target_version: proposal.target_version, current_version: current, fresh_proposal_id: fresh?.id ?? null });
      return { stale: proposal, current, fresh };
    }

    const after = { ...proposal.after, ...edited };
    const note = input.note?.trim() ?? '';
    const applied = await applyProposal(uow, proposal, after, note);
    const decided = { status: 'accepted', after, applied, decided_at: uow.now, decided_by: uow.actor.userId, decision_note: note || null, version: proposal.version + 1 } as const;
    if (!(await updateProposal(uow.db, proposal.id, proposal.version, decided))) throw conflict('This proposal was decided at the same moment.');
    await uow.audit('proposal.accepted', { type: 'proposal', id: proposal.id }, { kind: proposal.kind, incident_id: proposal.incident_id, review_id: proposal.review_id, target_type: proposal.target_type, target_id: proposal.target_id, edited: Object.keys(edited), applied, note });
    uow.emit({ type: 'proposal.decided', entity_id: proposal.id, incident_id: proposal.incident_id, restricted, version: decided.version });
    return { accepted: { ...proposal, ...decided } };
  });
  if ('accepted' in outcome) return outcome.accepted;
  const what = outcome.stale.target_type === 'action_item' ? 'The action item' : outcome.stale.target_type === 'risk' ? 'The risk' : 'The control';
  throw new BulwarkError(
    'precondition_failed',
    outcome.current === null
      ? `${what} this proposal changes no longer exists.`
      : `${what} changed since this proposal was made (version ${outcome.stale.target_version}, now ${outcome.current}); ${outcome.fresh ? 'a fresh proposal from its current state is in fresh_proposal' : 'there is nothing left to propose'}.`,
    { extra: { current_version: outcome.current, fresh_proposal: outcome.fresh } },
  );
}

/** Rejects a proposal (risk.write): nothing changes in the register; the decision and its note are kept. */
export async function rejectProposal(ctx: ServiceContext, id: string, input: { note?: string | undefined }): Promise<ProposalRecord> {
  authorize(ctx.actor, 'risk.write');
  return runInTransaction(ctx, async (uow) => {
    const { proposal, restricted } = await loadPending(uow, id);
    const note = input.note?.trim() ?? '';
    const decided = { status: 'rejected', decided_at: uow.now, decided_by: uow.actor.userId, decision_note: note || null, version: proposal.version + 1 } as const;
    if (!(await updateProposal(uow.db, proposal.id, proposal.version, decided))) throw conflict('This proposal was decided at the same moment.');
    await uow.audit('proposal.rejected', { type: 'proposal', id: proposal.id }, { kind: proposal.kind, incident_id: proposal.incident_id, review_id: proposal.review_id, target_type: proposal.target_type, target_id: proposal.target_id, note });
    uow.emit({ type: 'proposal.decided', entity_id: proposal.id, incident_id: proposal.incident_id, restricted, version: decided.version });
    return { ...proposal, ...decided };
  });
}
