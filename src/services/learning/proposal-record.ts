import { readJson } from '../../store/dialect.js';
import type { ProposalRow } from '../../store/schema.js';

export const PROPOSAL_KINDS = ['risk_frequency', 'control_effectiveness', 'control_evidence', 'loss_calibration', 'action_item'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export const PROPOSAL_STATUSES = ['pending', 'accepted', 'rejected', 'stale'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
/** A proposal changes a risk or a control; an action item's new control or new risk targets the action item. */
export type ProposalTargetType = 'risk' | 'control' | 'action_item';

export interface Reasoning {
  text: string;
  steps: Array<{ label: string; value: string }>;
}

/** A change a completed review proposes to the register, and its decision. */
export interface ProposalRecord {
  id: string;
  incident_id: string;
  review_id: string;
  kind: ProposalKind;
  target_type: ProposalTargetType;
  target_id: string;
  target_version: number;
  action_item_id: string | null;
  reasoning: Reasoning;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  status: ProposalStatus;
  decided_at: string | null;
  decided_by: string | null;
  decision_note: string | null;
  /** What accepting changed: the target and its new version, or what was created. */
  applied: Record<string, unknown> | null;
  created_at: string;
  version: number;
}

export function toProposalRecord(row: ProposalRow): ProposalRecord {
  return {
    id: row.id,
    incident_id: row.incident_id,
    review_id: row.review_id,
    kind: row.kind as ProposalKind,
    target_type: row.target_type as ProposalTargetType,
    target_id: row.target_id,
    target_version: Number(row.target_version),
    action_item_id: row.action_item_id,
    reasoning: readJson<Reasoning>(row.reasoning),
    before: readJson<Record<string, unknown>>(row.before),
    after: readJson<Record<string, unknown>>(row.after),
    status: row.status as ProposalStatus,
    decided_at: row.decided_at,
    decided_by: row.decided_by,
    decision_note: row.decision_note,
    applied: row.applied === null ? null : readJson<Record<string, unknown>>(row.applied),
    created_at: row.created_at,
    version: Number(row.version),
  };
}
