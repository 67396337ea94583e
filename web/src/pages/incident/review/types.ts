// No relative imports here: the unit tests load this file under Node's module rules.

/** Shapes of the post-incident review's REST API (issue #5), kept by hand like web/src/api/types.ts. */

export const LOSS_FORMS = ['productivity', 'response', 'replacement', 'fines_and_judgements', 'competitive_advantage', 'reputation'] as const;
export type LossForm = (typeof LOSS_FORMS)[number];
export const LOSS_FORM_LABELS: Record<LossForm, string> = {
  productivity: 'Productivity',
  response: 'Response',
  replacement: 'Replacement',
  fines_and_judgements: 'Fines and judgements',
  competitive_advantage: 'Competitive advantage',
  reputation: 'Reputation',
};

export const IMPACT_COUNTS = ['records_affected', 'people_affected', 'systems_affected', 'downtime_minutes'] as const;
export type ImpactCount = (typeof IMPACT_COUNTS)[number];
export const IMPACT_COUNT_LABELS: Record<ImpactCount, string> = {
  records_affected: 'Records affected',
  people_affected: 'People affected',
  systems_affected: 'Systems affected',
  downtime_minutes: 'Downtime (minutes)',
};

export type RealisedLoss = Record<LossForm, number | null>;
export type Impact = Record<ImpactCount, number | null> & { realised_loss: RealisedLoss };

export type RootCauseKind = 'root' | 'contributing';
export interface RootCause {
  statement: string;
  kind: RootCauseKind;
  whys: string[];
  risk_id?: string | null;
}

export interface Participant {
  user_id?: string | null;
  name: string;
  role: string;
}

export type ReviewStatus = 'draft' | 'completed';

export interface ReviewTimelineEntry {
  id: string;
  seq?: number;
  kind?: string;
  body: string;
  occurred_at: string;
  actor?: { id: string; name: string } | null;
}

/** The fields a person writes; PUT /incidents/{id}/review takes them. */
export interface ReviewFields {
  summary: string;
  impact: Impact;
  timeline_entry_ids: string[];
  root_causes: RootCause[];
  went_well: string[];
  went_badly: string[];
  lessons: string[];
  participants: Participant[];
  meeting_at: string | null;
}

export interface Review extends ReviewFields {
  id: string;
  incident_id: string;
  status: ReviewStatus;
  timeline?: ReviewTimelineEntry[];
  /** The organisation's required fields, and those this saved review still lacks. */
  required_fields?: string[];
  missing_fields?: string[];
  completed_at: string | null;
  completed_by: string | null;
  created_at: string;
  updated_at: string;
  updated_by?: string;
  version: number;
}

export const ACTION_KINDS = ['control_improvement', 'new_control', 'new_risk', 'treatment_change', 'playbook_change', 'other'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];
export const ACTION_KIND_LABELS: Record<ActionKind, string> = {
  control_improvement: 'Control improvement',
  new_control: 'New control',
  new_risk: 'New risk',
  treatment_change: 'Treatment change',
  playbook_change: 'Playbook change',
  other: 'Other',
};

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = { open: 'Open', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' };

export interface ActionItem {
  id: string;
  incident: { id: string; number: string; title: string } | null;
  review_id: string | null;
  title: string;
  description: string;
  kind: ActionKind;
  owner: { id: string; name: string } | null;
  due_at: string | null;
  status: ActionStatus;
  control_id: string | null;
  risk_id: string | null;
  overdue?: boolean;
  done_at?: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ActionItemInput {
  title: string;
  description?: string;
  kind: ActionKind;
  owner_id: string | null;
  due_at: string | null;
  status?: ActionStatus;
  control_id?: string | null;
  risk_id?: string | null;
}

export const METRIC_KEYS = ['time_to_detect_ms', 'time_to_acknowledge_ms', 'time_to_contain_ms', 'time_to_eradicate_ms', 'time_to_recover_ms', 'time_to_close_ms'] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];
export const METRIC_LABELS: Record<MetricKey, string> = {
  time_to_detect_ms: 'Detect',
  time_to_acknowledge_ms: 'Acknowledge',
  time_to_contain_ms: 'Contain',
  time_to_eradicate_ms: 'Eradicate',
  time_to_recover_ms: 'Recover',
  time_to_close_ms: 'Close',
};

export type MetricValues = Partial<Record<MetricKey, number | null>>;

/** GET /incidents/{id}/metrics: this incident's times and the organisation's medians over the last 12 months. */
export interface IncidentMetrics {
  incident_id: string;
  metrics: MetricValues;
  medians: Partial<Record<MetricKey, { median_ms: number | null; incidents: number }>>;
  medians_since: string;
}

export type ProposalStatus = 'pending' | 'accepted' | 'rejected' | 'stale';

export interface Proposal {
  id: string;
  incident_id: string;
  review_id: string;
  kind: string;
  target_type: string;
  target_id: string;
  target?: { id: string; number?: string; ref?: string; title?: string } | null;
  action_item_id?: string | null;
  reasoning: { text: string; steps: Array<{ label: string; value: unknown }> };
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  status: ProposalStatus;
  decided_at: string | null;
  decided_by: string | null;
  decision_note?: string | null;
  created_at: string;
}

export const PROPOSAL_KIND_LABELS: Record<string, string> = {
  risk_frequency: 'Risk frequency',
  control_effectiveness: 'Control effectiveness',
  control_evidence: 'Control evidence',
  loss_calibration: 'Loss calibration',
  action_item: 'From an action item',
};

export const REVIEW_FIELD_LABELS: Record<string, string> = {
  summary: 'Summary',
  impact: 'Impact',
  root_causes: 'Root causes',
  lessons: 'Lessons learned',
  went_well: 'What went well',
  went_badly: 'What went badly',
  participants: 'Participants',
  meeting_at: 'Meeting date',
  action_items: 'Action items',
  timeline_entry_ids: 'Timeline',
};
