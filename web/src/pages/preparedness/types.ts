/** The response plan as the API answers it (src/domain/plan.ts on the server). */
export type Severity = 1 | 2 | 3 | 4;

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

export const THIRD_PARTY_KINDS = ['ir_retainer', 'outside_counsel', 'cyber_insurer', 'forensics', 'law_enforcement', 'regulator', 'key_supplier', 'key_customer', 'other'] as const;
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

export const TEMPLATE_VARIABLES = ['incident.number', 'incident.title', 'incident.summary', 'incident.severity', 'incident.severity_name', 'incident.category', 'incident.phase', 'incident.detected_at', 'incident.commander', 'organisation.name', 'today', 'next_update_at'];

export interface PlanContact {
  id: string;
  name: string;
  title: string;
  user_id?: string | null;
  incident_role?: string | null;
  deputies: string[];
  work_email?: string;
  mobile_phone?: string;
  personal_email?: string;
  notes?: string;
}
export interface SeverityDefinition { severity: Severity; name: string; description: string; examples: string[] }
export interface EscalationRule { id: string; severities: Severity[]; categories: string[]; contact_ids: string[]; respond_within_minutes: number }
export interface CommunicationTemplate { id: string; name: string; audience: Audience; channel: Channel; holding_statement: boolean; subject: string; body: string }
export interface ThirdParty { id: string; kind: ThirdPartyKind; name: string; contact_name?: string; phone?: string; email?: string; contract_reference?: string; policy_number?: string; hotline?: string; notes?: string }
export interface PlaybookLink { id: string; title: string; location: string; categories: string[] }
export interface StatusUpdateCadence { severity: Severity; every_minutes: number; audience: Audience }

export interface PlanContent {
  title: string;
  scope: string;
  meeting_place: string;
  out_of_band_channel: string;
  team: PlanContact[];
  severity_definitions: SeverityDefinition[];
  escalation_rules: EscalationRule[];
  templates: CommunicationTemplate[];
  third_parties: ThirdParty[];
  playbooks: PlaybookLink[];
  status_update_cadence: StatusUpdateCadence[];
}

export const SECTION_LABELS: Record<keyof PlanContent, string> = {
  title: 'Title',
  scope: 'Scope',
  meeting_place: 'Meeting place',
  out_of_band_channel: 'Out-of-band channel',
  team: 'Team and contacts',
  severity_definitions: 'Severity definitions',
  escalation_rules: 'Escalation matrix',
  templates: 'Communication templates',
  third_parties: 'Third parties',
  playbooks: 'Playbooks',
  status_update_cadence: 'Status-update cadence',
};

export interface PlanVersion {
  id: string;
  plan_version: number;
  status: 'draft' | 'approved' | 'superseded';
  content: PlanContent;
  content_sha256: string;
  change_note: string;
  changed_sections: Array<keyof PlanContent>;
  review_due_at: string | null;
  approved_at: string | null;
  approved_by: string | null;
  approved_by_name: string | null;
  updated_at: string;
  updated_by_name: string | null;
  version: number;
}

export interface PlanOverview {
  in_force: PlanVersion | null;
  draft: PlanVersion | null;
  status: {
    changed_since_export: boolean;
    review_overdue: boolean;
    review_due_at: string | null;
    last_export: { plan_version: number; format: string; sha256: string; exported_at: string; exported_by_name: string | null } | null;
  };
}
