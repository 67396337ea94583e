import type { Generated } from 'kysely';

/**
 * Row types as Kysely sees them. Instants are ISO strings on both engines, booleans are
 * `boolean | number` (0/1 on SQLite: read them with readBool) and JSON columns `unknown`
 * (read them with readJson).
 */
type Bool = boolean | number;
type Json = unknown;

export interface OrganisationRow {
  id: string;
  name: string;
  timezone: string;
  created_at: string;
}

export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  password_changed_at: string | null;
  disabled_at: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  /** Base32 TOTP secret once two-factor is on; the pending one while the person sets up their app. */
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: string | null;
  /** The 30-second step of the last code accepted: that code and older ones are refused. */
  totp_last_step: number | null;
  totp_failures: number;
  totp_locked_until: string | null;
  /** `issuer|subject` of the single sign-on identity bound at the first SSO sign-in. */
  sso_subject: string | null;
}

export interface RecoveryCodeRow {
  user_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface MembershipRow {
  organisation_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

export interface SessionRow {
  id: string;
  organisation_id: string;
  user_id: string;
  token_hash: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenRow {
  id: string;
  organisation_id: string;
  user_id: string;
  name: string;
  role: string;
  token_hash: string;
  token_prefix: string;
  created_at: string;
  created_by: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface IncidentCategoryRow {
  id: string;
  organisation_id: string;
  key: string;
  label: string;
  created_at: string;
  created_by: string;
}

export interface CounterRow {
  organisation_id: string;
  name: string;
  period: string;
  value: number;
}

export interface IncidentRow {
  id: string;
  organisation_id: string;
  number: string;
  title: string;
  summary: string;
  category: string;
  severity: number;
  functional_impact: string | null;
  information_impact: string | null;
  recoverability: string | null;
  tlp: string;
  tags: Json;
  restricted: Bool;
  phase: string;
  resolution: string | null;
  occurred_at: string | null;
  detected_at: string;
  reported_at: string | null;
  acknowledged_at: string | null;
  contained_at: string | null;
  eradicated_at: string | null;
  recovered_at: string | null;
  closed_at: string | null;
  review_completed_at: string | null;
  review_completed_by: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  version: number;
}

export interface IncidentTagRow {
  incident_id: string;
  organisation_id: string;
  tag: string;
}

export interface IncidentMemberRow {
  id: string;
  organisation_id: string;
  incident_id: string;
  user_id: string;
  role: string;
  assigned_at: string;
  assigned_by: string;
  released_at: string | null;
  released_by: string | null;
}

export interface TaskRow {
  id: string;
  organisation_id: string;
  incident_id: string;
  title: string;
  description: string;
  phase: string | null;
  assignee_id: string | null;
  due_at: string | null;
  status: string;
  position: number;
  completed_at: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  version: number;
}

export interface TimelineEntryRow {
  id: string;
  organisation_id: string;
  incident_id: string;
  seq: number;
  kind: string;
  body: string;
  details: Json;
  occurred_at: string;
  recorded_at: string;
  actor_id: string;
  prev_hash: string;
  hash: string;
}

export interface PhaseChangeRow {
  id: string;
  organisation_id: string;
  incident_id: string;
  from_phase: string;
  to_phase: string;
  reason: string | null;
  at: string;
  actor_id: string;
}

export interface AuditLogRow {
  id: string;
  organisation_id: string;
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string;
  details: Json;
  prev_hash: string;
  hash: string;
}

export interface OutboxRow {
  id: string;
  organisation_id: string;
  topic: string;
  payload: Json;
  created_at: string;
  available_at: string;
  attempts: Generated<number>;
  delivered_at: string | null;
  last_error: string | null;
  failed_at: string | null;
}

export interface IdempotencyKeyRow {
  organisation_id: string;
  principal: string;
  key: string;
  request_hash: string;
  status_code: number;
  response: Json;
  created_at: string;
}

export interface SettingRow {
  organisation_id: string;
  key: string;
  value: Json;
  updated_at: string;
  updated_by: string | null;
}

export interface AlertGroupRow {
  id: string;
  organisation_id: string;
  title: string;
  reason: Json;
  alert_count: number;
  first_seen_at: string;
  last_seen_at: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface AlertRow {
  id: string;
  organisation_id: string;
  source: string;
  source_ref: string;
  type: string;
  title: string;
  description: string;
  severity: number;
  occurred_at: string | null;
  tags: Json;
  tlp: string;
  pap: string;
  status: string;
  fingerprint: string | null;
  /** The key of the correlate rule that grouped it, if one did. */
  correlation_key: string | null;
  group_id: string | null;
  incident_id: string | null;
  dismiss_reason: string | null;
  triaged_at: string | null;
  triaged_by: string | null;
  repeat_count: number;
  first_seen_at: string;
  last_seen_at: string;
  raw: Json | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ObservableRow {
  id: string;
  organisation_id: string;
  type: string;
  value: string;
  ignore_similarity: Bool;
  first_seen_at: string;
  last_seen_at: string;
  sighting_count: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface SightingRow {
  id: string;
  organisation_id: string;
  observable_id: string;
  subject_type: string;
  subject_id: string;
  ioc: Bool;
  sighted: Bool;
  tlp: string;
  tags: Json;
  note: string;
  count: number;
  first_seen_at: string;
  last_seen_at: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  version: number;
}

export interface AlertRuleRow {
  id: string;
  organisation_id: string;
  kind: string;
  name: string;
  enabled: Bool;
  conditions: Json;
  fields: Json;
  window_seconds: number | null;
  until: string | null;
  incident_id: string | null;
  matched_count: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  version: number;
}

export interface AttackTechniqueRow {
  id: string;
  organisation_id: string;
  stix_id: string;
  name: string;
  description: string;
  tactics: Json;
  platforms: Json;
  parent_id: string | null;
  url: string | null;
  deprecated: Bool;
  revoked: Bool;
  /** The ATT&CK id that replaces a revoked technique, when the bundle says. */
  revoked_by: string | null;
  attack_version: string | null;
  imported_at: string;
}

export interface AttackTacticRow {
  id: string;
  organisation_id: string;
  shortname: string;
  name: string;
  position: number;
}

export interface IncidentTechniqueRow {
  id: string;
  organisation_id: string;
  incident_id: string;
  technique_id: string;
  timeline_entry_id: string | null;
  added_at: string;
  added_by: string;
}

export interface WebhookRow {
  id: string;
  organisation_id: string;
  name: string;
  url: string;
  secret: string;
  event_types: Json;
  enabled: Bool;
  include_restricted: Bool;
  created_at: string;
  created_by: string;
  updated_at: string;
  version: number;
}

export interface WebhookDeliveryRow {
  id: string;
  organisation_id: string;
  webhook_id: string;
  outbox_id: string;
  event_type: string;
  attempt: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  at: string;
}

/** Who made a register row and who last changed it. */
interface Audited {
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  version: number;
}

export interface AssetRow extends Audited {
  id: string;
  organisation_id: string;
  name: string;
  kind: string;
  description: string;
  owner_id: string | null;
  criticality: string;
  data_classifications: Json;
  jurisdictions: Json;
  tags: Json;
  retired_at: string | null;
}

export interface AssetDependencyRow {
  organisation_id: string;
  asset_id: string;
  depends_on_id: string;
  note: string;
  created_at: string;
  created_by: string;
}

export interface RiskRow extends Audited {
  id: string;
  organisation_id: string;
  number: string;
  title: string;
  description: string;
  threat: string;
  vulnerability: string;
  category: string;
  status: string;
  owner_id: string | null;
  inherent_likelihood: string;
  inherent_impact: string;
  inherent_level: string;
  residual_likelihood: string | null;
  residual_impact: string | null;
  residual_level: string;
  /** The residual pair scored (hand-set or derived from controls); null only on rows written before migration 0005. */
  scored_residual_likelihood: string | null;
  scored_residual_impact: string | null;
  treatment: string | null;
  treatment_details: Json;
  review_cadence_days: number;
  next_review_at: string;
  last_reviewed_at: string | null;
  techniques: Json;
  playbooks: Json;
  tags: Json;
  fair_inputs: Json | null;
  annual_loss_mean: number | null;
  annual_loss_p90: number | null;
  over_appetite: Bool;
  /** Events a year the owner estimates (null: read from the likelihood level's band), and how many years of observation that estimate is worth. */
  annual_rate?: number | null;
  rate_confidence_years?: number;
}

export interface RiskAssetRow {
  organisation_id: string;
  risk_id: string;
  asset_id: string;
}

export interface RiskHistoryRow {
  id: string;
  organisation_id: string;
  risk_id: string;
  at: string;
  actor_id: string;
  action: string;
  changes: Json;
  reason: string;
  source: Json | null;
  inherent_level: string;
  residual_level: string;
  annual_loss_mean: number | null;
}

export interface ControlCatalogRow {
  id: string;
  organisation_id: string;
  name: string;
  source: string;
  catalog_version: string | null;
  oscal_uuid: string | null;
  control_count: number;
  imported_at: string;
  imported_by: string;
}

export interface ControlRow extends Audited {
  id: string;
  organisation_id: string;
  catalog_id: string | null;
  ref: string;
  title: string;
  description: string;
  family: string;
  parent_ref: string | null;
  position: number;
  implementation_status: string;
  owner_id: string | null;
  effectiveness: number | null;
  maturity: number | null;
  last_tested_at: string | null;
  next_test_at: string | null;
  evidence_notes: string;
}

export interface RiskControlRow {
  organisation_id: string;
  risk_id: string;
  control_id: string;
  status: string;
  owner_id: string | null;
  due_at: string | null;
  note: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  version: number;
}

export interface SimulationRow {
  id: string;
  organisation_id: string;
  risk_id: string | null;
  kind: string;
  status: string;
  progress: number;
  iterations: number;
  seed: number;
  inputs: Json;
  result: Json | null;
  error: string | null;
  created_at: string;
  created_by: string;
  finished_at: string | null;
}

export interface IncidentRiskRow {
  organisation_id: string;
  incident_id: string;
  risk_id: string;
  note: string;
  linked_at: string;
  linked_by: string;
}

export interface ControlOutcomeRow {
  id: string;
  organisation_id: string;
  incident_id: string;
  control_id: string;
  outcome: string;
  note: string;
  recorded_at: string;
  recorded_by: string;
  updated_at: string;
  version: number;
}

export interface ReviewRow {
  id: string;
  organisation_id: string;
  incident_id: string;
  status: string;
  summary: string;
  impact: Json;
  timeline_entry_ids: Json;
  root_causes: Json;
  went_well: Json;
  went_badly: Json;
  lessons: Json;
  participants: Json;
  meeting_at: string | null;
  completed_at: string | null;
  completed_by: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  version: number;
}

export interface ActionItemRow {
  id: string;
  organisation_id: string;
  incident_id: string | null;
  review_id: string | null;
  title: string;
  description: string;
  kind: string;
  owner_id: string | null;
  due_at: string | null;
  status: string;
  control_id: string | null;
  risk_id: string | null;
  done_at: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  version: number;
}

export interface ProposalRow {
  id: string;
  organisation_id: string;
  incident_id: string;
  review_id: string;
  kind: string;
  target_type: string;
  target_id: string;
  target_version: number;
  action_item_id: string | null;
  reasoning: Json;
  before: Json;
  after: Json;
  status: string;
  decided_at: string | null;
  decided_by: string | null;
  decision_note: string | null;
  applied: Json | null;
  created_at: string;
  version: number;
}

export interface ResponsePlanRow {
  id: string;
  organisation_id: string;
  plan_version: number;
  status: string;
  content: Json;
  change_note: string;
  review_due_at: string | null;
  approved_at: string | null;
  approved_by: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  version: number;
}

export interface PlanExportRow {
  id: string;
  organisation_id: string;
  plan_id: string;
  plan_version: number;
  format: string;
  sha256: string;
  exported_at: string;
  exported_by: string;
}

export interface EscalationRow {
  id: string;
  organisation_id: string;
  incident_id: string;
  plan_id: string | null;
  rule_id: string;
  trigger: string;
  severity: number;
  contact_id: string;
  contact_name: string;
  user_id: string | null;
  incident_role: string | null;
  email: string | null;
  respond_within_minutes: number | null;
  ack_token_hash: string;
  notified_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  acknowledged_via: string | null;
  /** When the call ran out of people (nobody, deputies included, acknowledged in time) and managers were told. */
  unanswered_at: string | null;
}

export interface CommunicationRow {
  id: string;
  organisation_id: string;
  incident_id: string;
  audience: string;
  channel: string;
  kind: string;
  template_id: string | null;
  subject: string;
  body: string;
  recipients: Json;
  status: string;
  legal_reviewed_at: string | null;
  legal_reviewed_by: string | null;
  approved_at: string | null;
  approved_by: string | null;
  sent_at: string | null;
  sent_by: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  version: number;
}

export interface ThirdPartyEngagementRow {
  id: string;
  organisation_id: string;
  incident_id: string;
  party_id: string | null;
  kind: string;
  name: string;
  contact: string;
  contract_reference: string;
  privileged: Bool;
  engaged_at: string;
  status: string;
  notes: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  version: number;
}

export interface DecisionRow {
  id: string;
  organisation_id: string;
  incident_id: string;
  kind: string;
  outcome: Bool;
  decided_at: string;
  facts: string;
  signed_by: string;
  signed_at: string;
  signature: string;
  superseded_by: string | null;
}

export interface IncidentFactsRow {
  incident_id: string;
  organisation_id: string;
  facts: Json;
  updated_at: string;
  updated_by: string;
  version: number;
}

export interface ObligationRow {
  id: string;
  organisation_id: string;
  incident_id: string;
  regime: string;
  stage: string;
  state: string;
  recipient: string;
  deadline: string | null;
  deadline_kind: string;
  time_zone: string;
  basis: string;
  clock: Json;
  status: string;
  status_reason: string;
  reference: string;
  submitted_at: string | null;
  delay_reason: string;
  reminder_level: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
  version: number;
}

export interface StatusUpdateReminderRow {
  incident_id: string;
  organisation_id: string;
  due_at: string;
  reminded_at: string;
}

export interface EvidenceBlobRow {
  sha256: string;
  sha1: string;
  md5: string;
  size_bytes: number;
  stored_at: string;
  removed_at: string | null;
}

export interface EvidenceItemRow {
  id: string;
  organisation_id: string;
  incident_id: string;
  number: string;
  kind: string;
  title: string;
  description: string;
  blob_sha256: string | null;
  file_name: string | null;
  media_type: string | null;
  size_bytes: number | null;
  serial_numbers: Json;
  physical_location: string;
  source: string;
  asset_id: string | null;
  collected_by: string;
  collected_at: string;
  acquisition_tool: string;
  acquisition_notes: string;
  tlp: string;
  tags: Json;
  observable_ids: Json;
  status: string;
  holder_id: string | null;
  pending_holder_id: string | null;
  legal_hold: Bool;
  legal_hold_reason: string;
  retain_until: string | null;
  last_verified_at: string | null;
  last_verification: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  version: number;
}

export interface CustodyEventRow {
  id: string;
  organisation_id: string;
  evidence_id: string;
  seq: number;
  action: string;
  actor_id: string;
  from_user_id: string | null;
  to_user_id: string | null;
  occurred_at: string;
  recorded_at: string;
  location: string;
  purpose: string;
  details: Json;
  signature: string | null;
  prev_hash: string;
  hash: string;
}

export interface Database {
  organisations: OrganisationRow;
  users: UserRow;
  recovery_codes: RecoveryCodeRow;
  memberships: MembershipRow;
  sessions: SessionRow;
  api_tokens: ApiTokenRow;
  incident_categories: IncidentCategoryRow;
  counters: CounterRow;
  incidents: IncidentRow;
  incident_tags: IncidentTagRow;
  incident_members: IncidentMemberRow;
  tasks: TaskRow;
  timeline_entries: TimelineEntryRow;
  phase_changes: PhaseChangeRow;
  audit_log: AuditLogRow;
  outbox: OutboxRow;
  idempotency_keys: IdempotencyKeyRow;
  settings: SettingRow;
  alert_groups: AlertGroupRow;
  alerts: AlertRow;
  observables: ObservableRow;
  sightings: SightingRow;
  alert_rules: AlertRuleRow;
  attack_techniques: AttackTechniqueRow;
  attack_tactics: AttackTacticRow;
  incident_techniques: IncidentTechniqueRow;
  webhooks: WebhookRow;
  webhook_deliveries: WebhookDeliveryRow;
  assets: AssetRow;
  asset_dependencies: AssetDependencyRow;
  risks: RiskRow;
  risk_assets: RiskAssetRow;
  risk_history: RiskHistoryRow;
  control_catalogs: ControlCatalogRow;
  controls: ControlRow;
  risk_controls: RiskControlRow;
  simulations: SimulationRow;
  incident_risks: IncidentRiskRow;
  control_outcomes: ControlOutcomeRow;
  reviews: ReviewRow;
  action_items: ActionItemRow;
  proposals: ProposalRow;
  response_plans: ResponsePlanRow;
  plan_exports: PlanExportRow;
  escalations: EscalationRow;
  communications: CommunicationRow;
  third_party_engagements: ThirdPartyEngagementRow;
  decisions: DecisionRow;
  incident_facts: IncidentFactsRow;
  obligations: ObligationRow;
  status_update_reminders: StatusUpdateReminderRow;
  evidence_blobs: EvidenceBlobRow;
  evidence_items: EvidenceItemRow;
  custody_events: CustodyEventRow;
}
