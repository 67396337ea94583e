/** The engagements API (docs/reports.md, "Third-party engagements"). */
export const THIRD_PARTY_KINDS = ['ir_retainer', 'outside_counsel', 'cyber_insurer', 'forensics', 'law_enforcement', 'regulator', 'key_supplier', 'key_customer', 'other'] as const;
export type ThirdPartyKind = (typeof THIRD_PARTY_KINDS)[number];

export const KIND_LABELS: Record<ThirdPartyKind, string> = {
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

export const ENGAGEMENT_STATUSES = ['requested', 'engaged', 'active', 'released', 'declined'] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

export const STATUS_LABELS: Record<EngagementStatus, string> = { requested: 'Requested', engaged: 'Engaged', active: 'Active', released: 'Released', declined: 'Declined' };

/** The server's course (src/domain/engagements.ts); offered so the select shows only moves that will work. */
export const NEXT_STATUSES: Record<EngagementStatus, EngagementStatus[]> = {
  requested: ['engaged', 'active', 'declined'],
  engaged: ['active', 'released', 'declined'],
  active: ['released'],
  released: ['engaged', 'active'],
  declined: ['requested', 'engaged'],
};

export interface ThirdParty {
  id: string;
  kind: ThirdPartyKind;
  name: string;
  contact_name?: string;
  phone?: string;
  email?: string;
  contract_reference?: string;
  policy_number?: string;
  hotline?: string;
  notes?: string;
}

export interface Engagement {
  id: string;
  incident_id: string;
  party_id: string | null;
  kind: ThirdPartyKind;
  name: string;
  contact: string;
  contract_reference: string;
  privileged: boolean;
  engaged_at: string;
  status: EngagementStatus;
  notes: string;
  updated_at: string;
  version: number;
}

export interface EngagementList {
  items: Engagement[];
  plan: { id: string; plan_version: number; third_parties: ThirdParty[] } | null;
}

export interface NewEngagement {
  party_id?: string;
  kind?: ThirdPartyKind;
  name?: string;
  contract_reference?: string;
  privileged?: boolean;
}

export interface EngagementChanges {
  status?: EngagementStatus;
  privileged?: boolean;
  notes?: string;
}
