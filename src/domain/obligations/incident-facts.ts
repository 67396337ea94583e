/**
 * What is kept per incident and per organisation for the obligations engine and the notification
 * drafts: the engine's facts plus what a regulator's form asks for (GDPR Art. 33(3): nature of the
 * breach, categories and approximate numbers of data subjects and records, contact point, likely
 * consequences, measures taken or proposed).
 */
import type { IncidentFacts, OrganisationProfile, RegimeDefinition } from './types.js';

export interface StoredIncidentFacts extends IncidentFacts {
  /** Kinds of personal data involved, e.g. "contact details", "health records". */
  data_categories: string[];
  /** Kinds of people affected, e.g. "customers", "employees". */
  subject_categories: string[];
  affected_records?: number;
  /** What happened, in a sentence or two a regulator can read. */
  nature: string;
  likely_consequences: string;
  measures_taken: string;
  measures_proposed: string;
}

/** The organisation as the regimes see it, with the contact point regulators are given. */
export interface StoredOrganisationProfile extends OrganisationProfile {
  /** Data protection officer or other contact point: name, e-mail, phone. */
  contact_point: string;
  /** E.g. "BfDI (Germany)"; printed on regulator drafts. */
  lead_supervisory_authority: string;
  /** Regimes the organisation added itself (contracts, state laws), as data. */
  custom_regimes: RegimeDefinition[];
}

export const OBLIGATION_STATUSES = ['pending', 'not_required', 'drafted', 'submitted', 'late'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

export const DECISION_OUTCOME_KINDS = ['personal_data_breach', 'materiality_determined', 'classified_major', 'significant_incident', 'high_risk_to_individuals'] as const;
