/**
 * The words of the obligations engine: incident facts in, obligations with their clocks out, and
 * regimes — the laws and contracts that turn one into the other — described as data.
 */
import type { Instant } from '../time.js';

export const DECISION_KINDS = ['materiality_determined', 'classified_major', 'significant_incident', 'high_risk_to_individuals'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const NIS2_ENTITY_KINDS = ['essential', 'important'] as const;
export const HIPAA_ENTITY_KINDS = ['covered_entity', 'business_associate'] as const;

/** Who the organisation is, in the terms the regimes use. */
export interface OrganisationProfile {
  /** IANA zone of the organisation, e.g. Europe/Berlin. */
  timezone: string;
  eu_controller?: boolean;
  uk_controller?: boolean;
  nis2?: (typeof NIS2_ENTITY_KINDS)[number];
  dora_financial_entity?: boolean;
  sec_registrant?: boolean;
  hipaa?: (typeof HIPAA_ENTITY_KINDS)[number];
}

/**
 * What is known about the incident. `discovered_at` is when anyone in the organisation first knew
 * (or, with reasonable diligence, would have known) of the event — HIPAA's "discovery"; `aware_at`
 * is when the organisation had a reasonable degree of certainty that a reportable incident or breach
 * happened — GDPR's and NIS2's "awareness". So discovered_at ≤ aware_at; without discovered_at,
 * awareness stands in for discovery.
 */
export interface IncidentFacts {
  aware_at: string;
  discovered_at?: string;
  personal_data: boolean;
  /** ISO 3166-1 alpha-2 codes of the people whose data is involved, e.g. ["DE", "FR"]. */
  data_subject_jurisdictions?: string[];
  affected_people?: number;
  /** Affected residents per US state or territory (two-letter code), e.g. {"CA": 600}. */
  affected_by_state?: Record<string, number>;
}

/** A decision that starts a clock, e.g. "classified as major at". */
export interface DecisionRecord {
  kind: DecisionKind;
  at?: string;
}

export interface ObligationFacts {
  organisation: OrganisationProfile;
  incident: IncidentFacts;
  decisions: DecisionRecord[];
}

// --- regimes as data ----------------------------------------------------------------------------

export const FLAG_FACTS = ['organisation.eu_controller', 'organisation.uk_controller', 'organisation.dora_financial_entity', 'organisation.sec_registrant', 'incident.personal_data'] as const;
export type FlagFact = (typeof FLAG_FACTS)[number];

/** One test over the facts; a regime or stage applies when all of its conditions hold. */
export type Condition =
  /** A yes/no fact; a missing flag counts as false. */
  | { fact: FlagFact; is: boolean }
  | { fact: 'organisation.nis2'; one_of: Array<(typeof NIS2_ENTITY_KINDS)[number]> }
  | { fact: 'organisation.hipaa'; one_of: Array<(typeof HIPAA_ENTITY_KINDS)[number]> }
  /** Some data subject lives in one of these jurisdictions; `if_unknown` answers when none are given. */
  | { fact: 'incident.data_subject_jurisdictions'; includes_any: string[]; if_unknown?: boolean }
  /** at_least ≤ affected people < below; `if_unknown` answers when the number is not given. */
  | { fact: 'incident.affected_people'; at_least?: number; below?: number; if_unknown?: boolean }
  /** At least `at_least` affected residents of one state. */
  | { fact: 'incident.affected_by_state'; state: string; at_least: number }
  /** A decision of this kind was recorded. */
  | { fact: 'decision'; kind: DecisionKind };

/** Where a clock starts: a fact, a decision, or the deadline of an earlier stage of the same regime. */
export type ClockStart =
  | { from: 'aware_at' }
  /** Falls back to aware_at when discovered_at is not given. */
  | { from: 'discovered_at' }
  | { from: 'decision'; kind: DecisionKind }
  | { from: 'stage'; stage: string };

export type ClockRule =
  /** Real elapsed time: 72 h is 72 h even across a daylight-saving change. */
  | { kind: 'elapsed_hours'; hours: number }
  /** The same local wall time `days` calendar days later. */
  | { kind: 'calendar_days'; days: number }
  /** The same local wall time and day `months` later, clamped to the month's end. */
  | { kind: 'calendar_months'; months: number }
  /** Business days after the day of the start (weekends and the calendar's holidays skipped), due at end_of_day local. */
  | { kind: 'business_days'; days: number; holidays: 'us_federal' | 'none'; end_of_day?: string }
  /** The end (23:59:59.999 local) of the last day of `month` in the start's year plus `years_after`. */
  | { kind: 'end_of_month'; month: number; years_after: number };

export interface ClockDefinition {
  start: ClockStart;
  rule: ClockRule;
}

export interface StageDefinition {
  /** Several definitions may share an id with exclusive `when`s; the first that applies wins. */
  id: string;
  recipient: string;
  when?: Condition[];
  /** One obligation per state in affected_by_state with at least this many residents (recipient may say {state}). */
  per_state?: { at_least: number };
  /** The recipient's IANA zone when it differs from the regime's. */
  time_zone?: string;
  /** One clock, or several of which the earliest deadline binds ("4 h after classification, at most 24 h after awareness"). */
  clocks: ClockDefinition[];
  /**
   * The law asks for "without undue delay": the clock gives the stated outer bound (`legal`), or, where
   * the law states none, the organisation's own target (`target`).
   */
  without_undue_delay?: { bound: 'legal' | 'target' };
  /** One sentence citing the article. */
  basis: string;
}

export interface RegimeDefinition {
  id: string;
  name: string;
  /** The regulator's IANA zone, or `organisation` for the organisation's own (e.g. its lead supervisory authority). */
  time_zone: string;
  applies_when: Condition[];
  stages: StageDefinition[];
}

// --- the answer ---------------------------------------------------------------------------------

export interface Obligation {
  regime: string;
  regime_name: string;
  stage: string;
  recipient: string;
  /** For per-state stages: the state the obligation is about. */
  state?: string;
  /** ISO 8601 with the recipient's offset. */
  deadline: string;
  deadline_utc: Instant;
  /** The deadline in the organisation's zone. */
  deadline_organisation: string;
  time_zone: string;
  /** `legal`: the law's own limit; `target`: the organisation's target for a "without undue delay" duty. */
  deadline_kind: 'legal' | 'target';
  without_undue_delay: boolean;
  basis: string;
  clock: { start: string; started_at: Instant; rule: string };
}
