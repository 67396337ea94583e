/**
 * The response plan: who responds, with what authority, how to reach them when the network is down,
 * how severe is severe, who is called when, what is said to whom, and who helps from outside.
 * Stored whole per version (a version is a snapshot); approved versions are read-only.
 */
import type { IncidentRole } from './access.js';
import type { Severity } from './incident.js';

export const PLAN_STATUSES = ['draft', 'approved', 'superseded'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const AUDIENCES = ['staff', 'executives', 'customers', 'regulators', 'media', 'law_enforcement', 'partners', 'insurer'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const AUDIENCE_LABELS: Record<Audience, string> = {
  staff: 'Staff',
  executives: 'Executives / board',
  customers: 'Customers',
  regulators: 'Regulators',
  media: 'Media',
  law_enforcement: 'Law enforcement',
  partners: 'Partners',
  insurer: 'Insurer',
};

export const CHANNELS = ['email', 'phone', 'website', 'press_release', 'portal', 'letter', 'meeting', 'chat'] as const;
export type Channel = (typeof CHANNELS)[number];

export const THIRD_PARTY_KINDS = [
  'ir_retainer',
  'outside_counsel',
  'cyber_insurer',
  'forensics',
  'law_enforcement',
  'regulator',
  'key_supplier',
  'key_customer',
  'other',
] as const;
export type ThirdPartyKind = (typeof THIRD_PARTY_KINDS)[number];

export const THIRD_PARTY_KIND_LABELS: Record<ThirdPartyKind, string> = {
  ir_retainer: 'IR retainer',
  outside_counsel: 'Outside counsel',
  cyber_insurer: 'Cyber insurer',
  forensics: 'Forensics firm',
  law_enforcement: 'Law enforcement',
  regulator: 'Regulator',
  key_supplier: 'Key supplier',
  key_customer: 'Key customer',
  other: 'Other',
};

/** A member of the response team. `user_id` links a Bulwark account (roles can then be assigned to them). */
export interface PlanContact {
  /** Stable within the plan, e.g. "ciso" (lower-case slug); escalation rules name contacts by it. */
  id: string;
  name: string;
  /** Their job, e.g. "CISO", "General counsel". */
  title: string;
  user_id?: string | null;
  /** The incident role they take when called (escalation assigns it when they have an account). */
  incident_role?: IncidentRole | null;
  /** Contact ids of their deputies, in order. */
  deputies: string[];
  work_email?: string;
  /** Out-of-band: reachable when corporate e-mail and chat are down. */
  mobile_phone?: string;
  personal_email?: string;
  notes?: string;
}

export interface SeverityDefinition {
  severity: Severity;
  name: string;
  description: string;
  /** Example situations, one per line in the editor. */
  examples: string[];
}

/**
 * One row of the escalation matrix: at these severities (and, optionally, only these categories),
 * call these contacts, who should respond within `respond_within_minutes`.
 */
export interface EscalationRule {
  id: string;
  severities: Severity[];
  /** Empty: every category. */
  categories: string[];
  contact_ids: string[];
  respond_within_minutes: number;
}

/**
 * A communication template. `{{incident.title}}`-style variables only from TEMPLATE_VARIABLES;
 * a template naming an unknown variable is refused when saved.
 */
export interface CommunicationTemplate {
  id: string;
  name: string;
  audience: Audience;
  channel: Channel;
  /** A prepared holding statement (for the media, before facts are known). */
  holding_statement: boolean;
  subject: string;
  body: string;
}

export interface ThirdParty {
  id: string;
  kind: ThirdPartyKind;
  name: string;
  contact_name?: string;
  phone?: string;
  email?: string;
  /** Retainer / engagement letter / contract number. */
  contract_reference?: string;
  /** Insurers: policy number and claim hotline. */
  policy_number?: string;
  hotline?: string;
  notes?: string;
}

export interface PlaybookLink {
  id: string;
  title: string;
  /** A URL or a document reference; playbooks proper arrive with their own issue. */
  location: string;
  /** Incident categories it is for; empty: any. */
  categories: string[];
}

/** Status updates per severity: severity 1 every 120 minutes, say. Missing severities have no cadence. */
export interface StatusUpdateCadence {
  severity: Severity;
  every_minutes: number;
  audience: Audience;
}

export interface PlanContent {
  title: string;
  scope: string;
  /** Where the team meets when buildings or networks are unavailable. */
  meeting_place: string;
  /** The out-of-band bridge (phone conference number, Signal group…). */
  out_of_band_channel: string;
  team: PlanContact[];
  severity_definitions: SeverityDefinition[];
  escalation_rules: EscalationRule[];
  templates: CommunicationTemplate[];
  third_parties: ThirdParty[];
  playbooks: PlaybookLink[];
  status_update_cadence: StatusUpdateCadence[];
}

/** Variables a communication template may use; the values come from the incident and the plan. */
export const TEMPLATE_VARIABLES = [
  'incident.number',
  'incident.title',
  'incident.summary',
  'incident.severity',
  'incident.severity_name',
  'incident.category',
  'incident.phase',
  'incident.detected_at',
  'incident.commander',
  'organisation.name',
  'today',
  'next_update_at',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

export function emptyPlanContent(): PlanContent {
  return {
    title: 'Incident response plan',
    scope: '',
    meeting_place: '',
    out_of_band_channel: '',
    team: [],
    severity_definitions: [
      { severity: 1, name: 'Critical', description: 'Business-critical services down or sensitive data confirmed stolen.', examples: [] },
      { severity: 2, name: 'High', description: 'Significant impact or likely data exposure; spreading.', examples: [] },
      { severity: 3, name: 'Medium', description: 'Limited impact, contained to few systems.', examples: [] },
      { severity: 4, name: 'Low', description: 'No business impact; handled by the on-duty team.', examples: [] },
    ],
    escalation_rules: [],
    templates: [],
    third_parties: [],
    playbooks: [],
    status_update_cadence: [
      { severity: 1, every_minutes: 120, audience: 'executives' },
      { severity: 2, every_minutes: 240, audience: 'executives' },
    ],
  };
}
