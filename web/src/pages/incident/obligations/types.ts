/** The obligations API's answers, as the web app reads them (docs/obligations.md). */
export type ObligationStatus = 'pending' | 'drafted' | 'submitted' | 'not_required' | 'late';

export interface Obligation {
  id: string;
  incident_id: string;
  incident?: { number: string; title: string; restricted: boolean };
  regime: string;
  regime_name: string;
  stage: string;
  state: string | null;
  recipient: string;
  deadline_utc: string | null;
  deadline: string | null;
  time_zone: string;
  deadline_organisation: string | null;
  organisation_time_zone: string;
  deadline_kind: 'legal' | 'target';
  without_undue_delay: boolean;
  time_left_seconds: number | null;
  status: ObligationStatus;
  status_reason: string;
  reference: string;
  submitted_at: string | null;
  delay_reason: string;
  basis: string;
  clock: { start: string; started_at: string; rule: string };
  version: number;
}

export interface Decision {
  id: string;
  kind: DecisionKind;
  outcome: boolean;
  decided_at: string;
  facts: string;
  signed_by: { id: string; name: string | null };
  signed_at: string;
  signature: string;
  signature_valid: boolean;
  superseded_by: string | null;
}

export const DECISION_KINDS = ['personal_data_breach', 'high_risk_to_individuals', 'significant_incident', 'classified_major', 'materiality_determined'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const DECISION_LABELS: Record<DecisionKind, string> = {
  personal_data_breach: 'Personal data breach',
  high_risk_to_individuals: 'High risk to individuals (GDPR Art. 34)',
  significant_incident: 'Significant incident (NIS2)',
  classified_major: 'Major ICT-related incident (DORA)',
  materiality_determined: 'Material cybersecurity incident (SEC 8-K)',
};

/** What a "yes" starts, in the words the confirm dialog uses. */
export const DECISION_CLOCKS: Record<DecisionKind, string> = {
  personal_data_breach: 'Marks the incident as involving personal data: GDPR / UK GDPR authority notification (72 h from awareness) and HIPAA clocks apply where the profile says so.',
  high_risk_to_individuals: 'Starts the GDPR Art. 34 communication to the data subjects, without undue delay (target: 72 h from this decision).',
  significant_incident: 'Starts the NIS2 clocks: early warning 24 h and notification 72 h after awareness, final report one month later.',
  classified_major: 'Starts the DORA clocks: initial notification within 4 h of this classification (at most 24 h after awareness), intermediate 72 h later, final one month after that.',
  materiality_determined: 'Starts the SEC Form 8-K Item 1.05 clock: 4 business days after this determination, by 17:30 New York time.',
};

export interface IncidentFacts {
  incident_id: string;
  aware_at: string;
  discovered_at?: string;
  personal_data: boolean;
  data_subject_jurisdictions?: string[];
  affected_people?: number;
  affected_by_state?: Record<string, number>;
  affected_records?: number;
  data_categories: string[];
  subject_categories: string[];
  nature: string;
  likely_consequences: string;
  measures_taken: string;
  measures_proposed: string;
  version: number;
}

export interface OrganisationProfile {
  timezone: string;
  eu_controller?: boolean;
  uk_controller?: boolean;
  nis2?: 'essential' | 'important';
  dora_financial_entity?: boolean;
  sec_registrant?: boolean;
  hipaa?: 'covered_entity' | 'business_associate';
  contact_point: string;
  lead_supervisory_authority: string;
  custom_regimes: unknown[];
}

export const STATUS_LABELS: Record<ObligationStatus, string> = {
  pending: 'Pending',
  drafted: 'Drafted',
  submitted: 'Submitted',
  not_required: 'Not required',
  late: 'Late',
};
