/**
 * The regimes Bulwark ships, as data: when each applies, and per stage whom to notify, when the
 * clock starts, how it runs and the article it comes from. The engine (engine.ts) reads only this;
 * an organisation adds its own (contracts, state laws) in the same shape. docs/obligations.md
 * explains every clock.
 */
import type { Condition, RegimeDefinition } from './types.js';

/** EU member states (ISO 3166-1; Greece also as EL, the EU's own code) and the EEA's Iceland, Liechtenstein and Norway. */
export const EEA_JURISDICTIONS = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'EL', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO'];

const personalData: Condition = { fact: 'incident.personal_data', is: true };

const gdprLike = (id: 'gdpr' | 'uk_gdpr'): RegimeDefinition => {
  const uk = id === 'uk_gdpr';
  const law = uk ? 'UK GDPR' : 'GDPR';
  return {
    id,
    name: uk ? 'UK GDPR personal data breach' : 'GDPR personal data breach',
    time_zone: uk ? 'Europe/London' : 'organisation',
    applies_when: [
      { fact: uk ? 'organisation.uk_controller' : 'organisation.eu_controller', is: true },
      personalData,
      // Jurisdictions not given: assume they include the regime's, rather than miss a 72-hour clock.
      { fact: 'incident.data_subject_jurisdictions', includes_any: uk ? ['GB'] : EEA_JURISDICTIONS, if_unknown: true },
    ],
    stages: [
      {
        id: 'authority',
        recipient: uk ? "Information Commissioner's Office (ICO)" : 'Competent (lead) supervisory authority',
        clocks: [{ start: { from: 'aware_at' }, rule: { kind: 'elapsed_hours', hours: 72 } }],
        without_undue_delay: { bound: 'legal' },
        basis: `${law} Art. 33(1): the controller notifies ${uk ? 'the Commissioner' : 'the supervisory authority'} without undue delay and, where feasible, not later than 72 hours after becoming aware of the personal data breach, unless it is unlikely to result in a risk to the rights and freedoms of natural persons, giving reasons for any delay.`,
      },
      {
        id: 'data_subjects',
        recipient: 'Affected data subjects',
        when: [{ fact: 'decision', kind: 'high_risk_to_individuals' }],
        clocks: [{ start: { from: 'decision', kind: 'high_risk_to_individuals' }, rule: { kind: 'elapsed_hours', hours: 72 } }],
        without_undue_delay: { bound: 'target' },
        basis: `${law} Art. 34(1): when the breach is likely to result in a high risk to individuals the controller tells the data subjects without undue delay (no fixed limit: the deadline shown is a 72-hour target), unless an Art. 34(3) exception holds — the data was unintelligible to others (e.g. encrypted), later measures mean the high risk is no longer likely, or it would take disproportionate effort (then a public communication instead).`,
      },
    ],
  };
};

export const GDPR = gdprLike('gdpr');
export const UK_GDPR = gdprLike('uk_gdpr');

export const NIS2: RegimeDefinition = {
  id: 'nis2',
  name: 'NIS2 significant incident',
  time_zone: 'organisation',
  applies_when: [
    { fact: 'organisation.nis2', one_of: ['essential', 'important'] },
    { fact: 'decision', kind: 'significant_incident' },
  ],
  stages: [
    {
      id: 'early_warning',
      recipient: 'CSIRT or competent authority',
      clocks: [{ start: { from: 'aware_at' }, rule: { kind: 'elapsed_hours', hours: 24 } }],
      without_undue_delay: { bound: 'legal' },
      basis: 'NIS2 Directive (EU) 2022/2555 Art. 23(4)(a): an early warning without undue delay and in any event within 24 hours of becoming aware of the significant incident.',
    },
    {
      id: 'notification',
      recipient: 'CSIRT or competent authority',
      clocks: [{ start: { from: 'aware_at' }, rule: { kind: 'elapsed_hours', hours: 72 } }],
      without_undue_delay: { bound: 'legal' },
      basis: 'NIS2 Directive (EU) 2022/2555 Art. 23(4)(b): an incident notification without undue delay and in any event within 72 hours of becoming aware of the significant incident; intermediate reports are due only on request (Art. 23(4)(c)) and are not dated here.',
    },
    {
      id: 'final_report',
      recipient: 'CSIRT or competent authority',
      clocks: [{ start: { from: 'stage', stage: 'notification' }, rule: { kind: 'calendar_months', months: 1 } }],
      basis: 'NIS2 Directive (EU) 2022/2555 Art. 23(4)(d): a final report not later than one month after the submission of the incident notification (counted here from the notification deadline).',
    },
  ],
};

export const DORA: RegimeDefinition = {
  id: 'dora',
  name: 'DORA major ICT-related incident',
  time_zone: 'organisation',
  applies_when: [
    { fact: 'organisation.dora_financial_entity', is: true },
    { fact: 'decision', kind: 'classified_major' },
  ],
  stages: [
    {
      id: 'initial',
      recipient: 'Competent authority',
      clocks: [
        { start: { from: 'decision', kind: 'classified_major' }, rule: { kind: 'elapsed_hours', hours: 4 } },
        { start: { from: 'aware_at' }, rule: { kind: 'elapsed_hours', hours: 24 } },
      ],
      basis: 'DORA Regulation (EU) 2022/2554 Art. 19(4) with Delegated Regulation (EU) 2025/301 Art. 5(1): the initial notification within 4 hours of classifying the ICT-related incident as major and no later than 24 hours after becoming aware of it.',
    },
    {
      id: 'intermediate',
      recipient: 'Competent authority',
      clocks: [{ start: { from: 'stage', stage: 'initial' }, rule: { kind: 'elapsed_hours', hours: 72 } }],
      basis: 'DORA Regulation (EU) 2022/2554 Art. 19(4) with Delegated Regulation (EU) 2025/301 Art. 5(2): the intermediate report within 72 hours of the initial notification (counted here from its deadline), and again whenever regular activities have been recovered.',
    },
    {
      id: 'final',
      recipient: 'Competent authority',
      clocks: [{ start: { from: 'stage', stage: 'intermediate' }, rule: { kind: 'calendar_months', months: 1 } }],
      basis: 'DORA Regulation (EU) 2022/2554 Art. 19(4) with Delegated Regulation (EU) 2025/301 Art. 5(3): the final report within one month of the latest updated intermediate report (counted here from the intermediate deadline).',
    },
  ],
};

export const SEC_8K: RegimeDefinition = {
  id: 'sec_8k',
  name: 'SEC Form 8-K Item 1.05 material cybersecurity incident',
  time_zone: 'America/New_York',
  applies_when: [
    { fact: 'organisation.sec_registrant', is: true },
    { fact: 'decision', kind: 'materiality_determined' },
  ],
  stages: [
    {
      id: 'form_8k',
      recipient: 'U.S. Securities and Exchange Commission (EDGAR)',
      // EDGAR dates a filing made after 5:30 pm Eastern on the next business day (Regulation S-T Rule 13(a)(4)).
      clocks: [{ start: { from: 'decision', kind: 'materiality_determined' }, rule: { kind: 'business_days', days: 4, holidays: 'us_federal', end_of_day: '17:30' } }],
      basis: 'SEC Form 8-K Item 1.05 (General Instruction B.1): file within four business days after determining that the cybersecurity incident is material (US federal holidays excluded, by 5:30 pm Eastern for that day’s filing date), delayed under Item 1.05(c) only when the U.S. Attorney General finds that disclosure poses a substantial risk to national security or public safety.',
    },
  ],
};

const discovery60Days = { start: { from: 'discovered_at' }, rule: { kind: 'calendar_days', days: 60 } } as const;

export const HIPAA: RegimeDefinition = {
  id: 'hipaa',
  name: 'HIPAA breach of unsecured protected health information',
  time_zone: 'organisation',
  applies_when: [
    { fact: 'organisation.hipaa', one_of: ['covered_entity', 'business_associate'] },
    personalData,
  ],
  stages: [
    {
      id: 'covered_entity',
      recipient: 'The covered entity',
      when: [{ fact: 'organisation.hipaa', one_of: ['business_associate'] }],
      clocks: [discovery60Days],
      without_undue_delay: { bound: 'legal' },
      basis: 'HIPAA Breach Notification Rule, 45 CFR 164.410: a business associate notifies the covered entity without unreasonable delay and in no case later than 60 calendar days after discovering the breach, naming each affected individual; the covered entity then notifies individuals, HHS and the media.',
    },
    {
      id: 'individuals',
      recipient: 'Affected individuals',
      when: [{ fact: 'organisation.hipaa', one_of: ['covered_entity'] }],
      clocks: [discovery60Days],
      without_undue_delay: { bound: 'legal' },
      basis: 'HIPAA Breach Notification Rule, 45 CFR 164.404(b): notify each affected individual without unreasonable delay and in no case later than 60 calendar days after discovery of the breach (45 CFR 164.412 allows a delay a law-enforcement official asks for).',
    },
    {
      id: 'hhs',
      recipient: 'Secretary of HHS (Office for Civil Rights breach portal)',
      time_zone: 'America/New_York',
      // Number not given: assume 500 or more, the earlier clock.
      when: [{ fact: 'organisation.hipaa', one_of: ['covered_entity'] }, { fact: 'incident.affected_people', at_least: 500, if_unknown: true }],
      clocks: [discovery60Days],
      without_undue_delay: { bound: 'legal' },
      basis: 'HIPAA Breach Notification Rule, 45 CFR 164.408(b): for a breach affecting 500 or more individuals, notify the Secretary of HHS contemporaneously with the individual notices and in no case later than 60 calendar days after discovery.',
    },
    {
      id: 'hhs',
      recipient: 'Secretary of HHS (annual breach log submission)',
      time_zone: 'America/New_York',
      when: [{ fact: 'organisation.hipaa', one_of: ['covered_entity'] }, { fact: 'incident.affected_people', below: 500 }],
      clocks: [{ start: { from: 'discovered_at' }, rule: { kind: 'end_of_month', month: 2, years_after: 1 } }],
      basis: 'HIPAA Breach Notification Rule, 45 CFR 164.408(c): a breach affecting fewer than 500 individuals goes in the breach log and is reported to HHS within 60 days after the end of the calendar year of discovery — shown as the end of February of the next year, which is never later.',
    },
    {
      id: 'media',
      recipient: 'Prominent media outlets serving {state}',
      when: [{ fact: 'organisation.hipaa', one_of: ['covered_entity'] }],
      per_state: { at_least: 501 },
      clocks: [discovery60Days],
      without_undue_delay: { bound: 'legal' },
      basis: 'HIPAA Breach Notification Rule, 45 CFR 164.406: for a breach involving more than 500 residents of a State or jurisdiction, notify prominent media outlets serving it without unreasonable delay and in no case later than 60 calendar days after discovery.',
    },
  ],
};

/** The regimes every organisation gets, in the order obligations list them on equal deadlines. */
export const BUILT_IN_REGIMES: readonly RegimeDefinition[] = [GDPR, UK_GDPR, NIS2, DORA, SEC_8K, HIPAA];
