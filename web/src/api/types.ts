/** Resource shapes of the REST API (see /api/docs). Kept by hand: the web app is a client like any other. */
export type Phase = 'detection' | 'containment' | 'eradication' | 'recovery' | 'post_incident' | 'closed';
export type Severity = 1 | 2 | 3 | 4;
export type Resolution = 'true_positive' | 'false_positive' | 'benign' | 'duplicate';
export type TaskStatus = 'todo' | 'in_progress' | 'done' | 'cancelled';

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface PersonRef {
  id: string;
  name: string;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: string;
}

export interface Session {
  user: SessionUser;
  csrf_token: string | null;
  expires_at: string | null;
  /** What the role allows (e.g. "incident.transition"); used only to hide controls that would be refused. */
  permissions: string[];
}

/** Ways in besides the password, from the public GET /api/v1/session/providers. */
export interface SignInProviders {
  /** The organisation's OpenID Connect identity provider; `start_url` is navigated to, not fetched. */
  oidc: { name: string; start_url: string } | null;
}

export interface ResponseMetrics {
  time_to_detect_ms: number | null;
  time_to_acknowledge_ms: number | null;
  time_to_contain_ms: number | null;
  time_to_eradicate_ms: number | null;
  time_to_recover_ms: number | null;
  time_to_close_ms: number | null;
}

export interface Incident {
  id: string;
  number: string;
  title: string;
  summary: string;
  category: string;
  severity: Severity;
  functional_impact: string | null;
  information_impact: string | null;
  recoverability: string | null;
  tlp: string;
  tags: string[];
  restricted: boolean;
  phase: Phase;
  resolution: Resolution | null;
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
  metrics: ResponseMetrics;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  version: number;
}

export interface Member {
  id: string;
  user_id: string;
  user_name: string;
  user_email: string;
  role: string;
  assigned_at: string;
  assigned_by: string;
  released_at: string | null;
  released_by: string | null;
}

export interface PhaseChange {
  id: string;
  from_phase: Phase;
  to_phase: Phase;
  reason: string | null;
  at: string;
  actor_id: string;
}

export interface IncidentDetail extends Incident {
  members: Member[];
  phase_changes: PhaseChange[];
}

export interface TimelineEntry {
  id: string;
  seq: number;
  kind: string;
  body: string;
  details: Record<string, unknown>;
  occurred_at: string;
  recorded_at: string;
  actor: PersonRef;
  hash: string;
}

export interface Task {
  id: string;
  incident_id: string;
  title: string;
  description: string;
  phase: Phase | null;
  assignee: PersonRef | null;
  due_at: string | null;
  status: TaskStatus;
  position: number;
  overdue: boolean;
  completed_at: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  version: number;
  incident?: { id: string; number: string; title: string };
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: string;
  disabled: boolean;
  two_factor_enabled: boolean;
  last_login_at: string | null;
  created_at: string;
  version: number;
}

/** The signed-in person's own second factor (an authenticator app's 6-digit codes). */
export interface TwoFactorStatus {
  enabled: boolean;
  enabled_at: string | null;
  /** Set-up was started (a secret issued) but never confirmed with a code. */
  pending: boolean;
  recovery_codes_left: number;
}

export interface TwoFactorSetup {
  /** Base32, for typing into an app that cannot scan. */
  secret: string;
  otpauth_uri: string;
}

export interface ApiToken {
  id: string;
  name: string;
  role: string;
  user_id: string;
  token_prefix: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface Labelled<T = string> {
  id: T;
  label: string;
}

export interface Meta {
  phases: Labelled<Phase>[];
  severities: Labelled<number>[];
  categories: Array<{ key: string; label: string; builtin: boolean }>;
  tlp: Labelled[];
  resolutions: Labelled[];
  roles: Labelled[];
  incident_roles: Array<Labelled & { single_holder: boolean }>;
  functional_impacts: Labelled[];
  information_impacts: Labelled[];
  recoverabilities: Labelled[];
  task_statuses: Labelled[];
}

export interface LiveEvent {
  type: string;
  organisation_id: string;
  incident_id?: string;
  restricted?: boolean;
  entity_id: string;
  version?: number;
  actor_id: string;
  at: string;
}

export interface AuditEntry {
  id: string;
  seq: number;
  at: string;
  actor: PersonRef | null;
  action: string;
  target_type: string;
  target_id: string;
  details: Record<string, unknown>;
  hash: string;
}
