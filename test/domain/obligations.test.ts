import { describe, expect, it } from 'vitest';
import { BulwarkError } from '../../src/domain/errors.js';
import { deriveObligations } from '../../src/domain/obligations/engine.js';
import { factProblems } from '../../src/domain/obligations/facts.js';
import { regimeProblems } from '../../src/domain/obligations/regime-check.js';
import { BUILT_IN_REGIMES } from '../../src/domain/obligations/regimes.js';
import type { DecisionRecord, IncidentFacts, Obligation, ObligationFacts, OrganisationProfile, RegimeDefinition } from '../../src/domain/obligations/types.js';

const facts = (organisation: OrganisationProfile, incident: Partial<IncidentFacts> & { aware_at: string }, decisions: DecisionRecord[] = []): ObligationFacts => ({
  organisation,
  incident: { personal_data: false, ...incident },
  decisions,
});

/** [regime, stage(, state)] → deadline, for compact expectations. */
const deadlines = (obligations: Obligation[]) => Object.fromEntries(obligations.map((o) => [[o.regime, o.stage, o.state].filter(Boolean).join('/'), o.deadline]));

const problemsOf = (f: ObligationFacts): Array<{ path: string; message: string }> => {
  try {
    deriveObligations(f);
  } catch (error) {
    expect(error).toBeInstanceOf(BulwarkError);
    expect((error as BulwarkError).kind).toBe('validation');
    return (error as BulwarkError).errors;
  }
  throw new Error('expected the facts to be refused');
};

describe('deriveObligations: each regime end to end', () => {
  it.each<[string, ObligationFacts, Record<string, string>]>([
    [
      // 10:00 CET + 72 elapsed hours crosses the 29 March spring-forward: 09:00Z on 30 March is 11:00 CEST.
      'GDPR Art. 33 across the EU spring-forward, in the organisation (lead authority) zone',
      facts({ timezone: 'Europe/Berlin', eu_controller: true }, { aware_at: '2026-03-27T10:00:00+01:00', personal_data: true, data_subject_jurisdictions: ['DE'] }),
      { 'gdpr/authority': '2026-03-30T11:00:00+02:00' },
    ],
    [
      // Awareness at 23:59 local: 72 elapsed hours later is 23:59 three days on (no DST change in July).
      'GDPR Art. 33 from awareness at 23:59',
      facts({ timezone: 'Europe/Paris', eu_controller: true }, { aware_at: '2026-06-30T23:59:00+02:00', personal_data: true, data_subject_jurisdictions: ['FR'] }),
      { 'gdpr/authority': '2026-07-03T23:59:00+02:00' },
    ],
    [
      // Same instant for the ICO, shown in London: 09:00Z on 30 March is 10:00 BST.
      'UK GDPR Art. 33 for GB data subjects, in London time',
      facts({ timezone: 'Europe/Berlin', uk_controller: true }, { aware_at: '2026-03-27T10:00:00+01:00', personal_data: true, data_subject_jurisdictions: ['GB', 'US'] }),
      { 'uk_gdpr/authority': '2026-03-30T10:00:00+01:00' },
    ],
    [
      // Art. 34 starts at the high-risk decision (28 March 09:00 CET); the 72 h target lands on 31 March 10:00 CEST.
      'GDPR Art. 34 only once high risk is decided',
      facts({ timezone: 'Europe/Berlin', eu_controller: true }, { aware_at: '2026-03-27T10:00:00+01:00', personal_data: true }, [{ kind: 'high_risk_to_individuals', at: '2026-03-28T09:00:00+01:00' }]),
      { 'gdpr/authority': '2026-03-30T11:00:00+02:00', 'gdpr/data_subjects': '2026-03-31T10:00:00+02:00' },
    ],
    [
      // Awareness 23 Oct 18:00 CEST; clocks go back 25 Oct, so 72 h later is 17:00 CET; the final report is one calendar month after that.
      'NIS2 chained stages across the EU fall-back',
      facts({ timezone: 'Europe/Berlin', nis2: 'important' }, { aware_at: '2026-10-23T18:00:00+02:00' }, [{ kind: 'significant_incident', at: '2026-10-23T20:00:00+02:00' }]),
      { 'nis2/early_warning': '2026-10-24T18:00:00+02:00', 'nis2/notification': '2026-10-26T17:00:00+01:00', 'nis2/final_report': '2026-11-26T17:00:00+01:00' },
    ],
    [
      // Classified 24 Oct 10:00 CEST: 4 h later (14:00) comes before 24 h after awareness (25 Oct 08:00 CET);
      // intermediate 72 elapsed hours after that (clocks went back: 13:00 CET); final one month later.
      'DORA: 4 h after classification binds when classification is early',
      facts({ timezone: 'Europe/Berlin', dora_financial_entity: true }, { aware_at: '2026-10-24T09:00:00+02:00' }, [{ kind: 'classified_major', at: '2026-10-24T10:00:00+02:00' }]),
      { 'dora/initial': '2026-10-24T14:00:00+02:00', 'dora/intermediate': '2026-10-27T13:00:00+01:00', 'dora/final': '2026-11-27T13:00:00+01:00' },
    ],
    [
      // Classified 25 Oct 06:00 CET: 4 h later is 10:00, but 24 h after awareness (24 Oct 09:00 CEST = 07:00Z) is 25 Oct 08:00 CET.
      'DORA: at most 24 h after awareness when classification is late',
      facts({ timezone: 'Europe/Berlin', dora_financial_entity: true }, { aware_at: '2026-10-24T09:00:00+02:00' }, [{ kind: 'classified_major', at: '2026-10-25T06:00:00+01:00' }]),
      { 'dora/initial': '2026-10-25T08:00:00+01:00', 'dora/intermediate': '2026-10-28T08:00:00+01:00', 'dora/final': '2026-11-28T08:00:00+01:00' },
    ],
    [
      // Tue 24 Nov 2026: Wed 25 (1), Thanksgiving Thu 26 skipped, Fri 27 (2), Mon 30 (3), Tue 1 Dec (4), by 17:30 EST.
      'SEC 8-K: four business days skipping Thanksgiving, by 17:30 New York time',
      facts({ timezone: 'Europe/London', sec_registrant: true }, { aware_at: '2026-11-20T10:00:00Z' }, [{ kind: 'materiality_determined', at: '2026-11-24T10:00:00-05:00' }]),
      { 'sec_8k/form_8k': '2026-12-01T17:30:00-05:00' },
    ],
    [
      // Fri 10 Jul 23:59 EDT: the Friday never counts; Mon 13, Tue 14, Wed 15, Thu 16.
      'SEC 8-K: a determination at 23:59 on a Friday',
      facts({ timezone: 'America/New_York', sec_registrant: true }, { aware_at: '2026-07-01T10:00:00-04:00' }, [{ kind: 'materiality_determined', at: '2026-07-10T23:59:00-04:00' }]),
      { 'sec_8k/form_8k': '2026-07-16T17:30:00-04:00' },
    ],
    [
      // 20 Feb 09:00 PST + 60 calendar days = 21 Apr (8 + 31 + 21), same wall time though PDT began 8 Mar.
      // HHS counts in New York: 12:00 EST → 21 Apr 12:00 EDT. Media only where more than 500 residents (CA, not NY with 500).
      'HIPAA covered entity, 500 or more affected: individuals, HHS and media per state, from discovery',
      facts(
        { timezone: 'America/Los_Angeles', hipaa: 'covered_entity' },
        { discovered_at: '2026-02-20T09:00:00-08:00', aware_at: '2026-02-25T09:00:00-08:00', personal_data: true, affected_people: 1500, affected_by_state: { CA: 600, NY: 500, NV: 12 } },
      ),
      { 'hipaa/individuals': '2026-04-21T09:00:00-07:00', 'hipaa/hhs': '2026-04-21T12:00:00-04:00', 'hipaa/media/CA': '2026-04-21T09:00:00-07:00' },
    ],
    [
      // 15 Oct 09:00 EDT + 60 calendar days = 14 Dec (16 + 30 + 14) at 09:00, now EST after the 1 November fall-back.
      'HIPAA 60 calendar days across the US fall-back keep the wall time',
      facts({ timezone: 'America/New_York', hipaa: 'covered_entity' }, { aware_at: '2026-10-15T09:00:00-04:00', personal_data: true, affected_people: 700 }),
      { 'hipaa/individuals': '2026-12-14T09:00:00-05:00', 'hipaa/hhs': '2026-12-14T09:00:00-05:00' },
    ],
    [
      // Discovered 31 Dec 23:30 in New York (already 1 Jan in UTC): the calendar year of discovery is 2026, so the log is due end of February 2027.
      'HIPAA covered entity, fewer than 500 affected: the annual log by the end of February',
      facts({ timezone: 'America/New_York', hipaa: 'covered_entity' }, { discovered_at: '2026-12-31T23:30:00-05:00', aware_at: '2027-01-02T10:00:00-05:00', personal_data: true, affected_people: 40 }),
      { 'hipaa/individuals': '2027-03-01T23:30:00-05:00', 'hipaa/hhs': '2027-02-28T23:59:59.999-05:00' },
    ],
    [
      // A business associate tells the covered entity (45 CFR 164.410), which notifies the rest; no discovered_at: awareness stands in.
      'HIPAA business associate: the covered entity within 60 days',
      facts({ timezone: 'America/Chicago', hipaa: 'business_associate' }, { aware_at: '2026-06-01T08:00:00-05:00', personal_data: true, affected_people: 9000 }),
      { 'hipaa/covered_entity': '2026-07-31T08:00:00-05:00' },
    ],
  ])('%s', (_name, input, expected) => {
    expect(deadlines(deriveObligations(input))).toEqual(expected);
  });
});

describe('deriveObligations: what applies', () => {
  const everything: OrganisationProfile = { timezone: 'Europe/Berlin', eu_controller: true, uk_controller: true, nis2: 'essential', dora_financial_entity: true, sec_registrant: true, hipaa: 'covered_entity' };

  it('gives nothing when no decision starts a clock and no personal data is involved', () => {
    expect(deriveObligations(facts(everything, { aware_at: '2026-05-04T09:00:00Z' }))).toEqual([]);
  });

  it('needs EU/EEA data subjects for GDPR and GB ones for UK GDPR, and assumes both when none are given', () => {
    const regimes = (jurisdictions?: string[]) =>
      [...new Set(deriveObligations(facts(everything, { aware_at: '2026-05-04T09:00:00Z', personal_data: true, ...(jurisdictions ? { data_subject_jurisdictions: jurisdictions } : {}) })).map((o) => o.regime))];
    expect(regimes(['US'])).toEqual(['hipaa']);
    expect(regimes(['no'])).toEqual(['gdpr', 'hipaa']); // Norway is in the EEA; codes are read case-insensitively
    expect(regimes(['GB'])).toEqual(['uk_gdpr', 'hipaa']);
    expect(regimes()).toEqual(['gdpr', 'uk_gdpr', 'hipaa']);
  });

  it('lists every obligation soonest first, with its basis, clock and both time zones', () => {
    const all = deriveObligations(
      facts(everything, { aware_at: '2026-03-27T10:00:00+01:00', discovered_at: '2026-03-27T08:00:00+01:00', personal_data: true, data_subject_jurisdictions: ['DE', 'GB'], affected_people: 1200, affected_by_state: { CA: 600 } }, [
        { kind: 'classified_major', at: '2026-03-27T12:00:00+01:00' },
        { kind: 'significant_incident', at: '2026-03-27T11:00:00+01:00' },
        { kind: 'materiality_determined', at: '2026-03-30T16:00:00-04:00' },
        { kind: 'high_risk_to_individuals', at: '2026-03-28T09:00:00+01:00' },
      ]),
    );
    expect(all.map((o) => `${o.regime}/${o.stage}`)).toEqual([
      'dora/initial', 'nis2/early_warning', 'gdpr/authority', 'uk_gdpr/authority', 'nis2/notification', 'dora/intermediate', 'gdpr/data_subjects', 'uk_gdpr/data_subjects',
      'sec_8k/form_8k', 'nis2/final_report', 'dora/final', 'hipaa/individuals', 'hipaa/media', 'hipaa/hhs',
    ]);
    for (let i = 1; i < all.length; i += 1) expect(all[i]!.deadline_utc >= all[i - 1]!.deadline_utc).toBe(true);
    const dora = all[0]!;
    expect(dora).toMatchObject({
      regime_name: 'DORA major ICT-related incident',
      recipient: 'Competent authority',
      deadline_utc: '2026-03-27T15:00:00.000Z',
      deadline_organisation: '2026-03-27T16:00:00+01:00',
      time_zone: 'Europe/Berlin',
      deadline_kind: 'legal',
      clock: { start: 'decision:classified_major', started_at: '2026-03-27T11:00:00.000Z', rule: 'the earliest of 4 h after decision:classified_major and 24 h after aware_at' },
    });
    expect(dora.basis).toMatch(/Art\. 19/);
    const sec = all.find((o) => o.regime === 'sec_8k')!;
    expect(sec).toMatchObject({ deadline: '2026-04-03T17:30:00-04:00', deadline_organisation: '2026-04-03T23:30:00+02:00', time_zone: 'America/New_York' });
    const subjects = all.find((o) => o.stage === 'data_subjects')!;
    expect(subjects).toMatchObject({ deadline_kind: 'target', without_undue_delay: true });
    expect(subjects.basis).toMatch(/Art\. 34\(3\)/);
    expect(all.find((o) => o.stage === 'hhs')!.clock).toEqual({ start: 'discovered_at', started_at: '2026-03-27T07:00:00.000Z', rule: '60 calendar days after discovered_at' });
    for (const o of all) expect(o.basis.length).toBeGreaterThan(40);
  });

  it('starts a clock at the first decision of a kind', () => {
    const [form] = deriveObligations(
      facts({ timezone: 'UTC', sec_registrant: true }, { aware_at: '2026-06-01T09:00:00Z' }, [
        { kind: 'materiality_determined', at: '2026-06-10T09:00:00Z' },
        { kind: 'materiality_determined', at: '2026-06-03T09:00:00Z' },
      ]),
    );
    expect(form!.clock.started_at).toBe('2026-06-03T09:00:00.000Z');
  });
});

describe('deriveObligations: contradictory or incomplete facts', () => {
  const base = { timezone: 'Europe/Berlin', eu_controller: true };

  it.each<[string, ObligationFacts, string[]]>([
    ['people affected without personal data', facts(base, { aware_at: '2026-05-04T09:00:00Z', affected_people: 3 }), ['incident.affected_people']],
    ['data subjects without personal data', facts(base, { aware_at: '2026-05-04T09:00:00Z', data_subject_jurisdictions: ['DE'], affected_by_state: { CA: 2 } }), ['incident.data_subject_jurisdictions', 'incident.affected_by_state']],
    ['high risk to individuals without personal data', facts(base, { aware_at: '2026-05-04T09:00:00Z' }, [{ kind: 'high_risk_to_individuals', at: '2026-05-04T10:00:00Z' }]), ['decisions.0.kind']],
    ['a decision without a time', facts(base, { aware_at: '2026-05-04T09:00:00Z' }, [{ kind: 'significant_incident', at: '2026-05-04T10:00:00Z' }, { kind: 'classified_major' }]), ['decisions.1.at']],
    ['a decision before the incident was known', facts(base, { aware_at: '2026-05-04T09:00:00Z', discovered_at: '2026-05-03T09:00:00Z' }, [{ kind: 'classified_major', at: '2026-05-02T09:00:00Z' }]), ['decisions.0.at']],
    ['discovery after awareness', facts(base, { aware_at: '2026-05-04T09:00:00Z', discovered_at: '2026-05-05T09:00:00Z' }), ['incident.discovered_at']],
    ['more residents by state than people affected', facts(base, { aware_at: '2026-05-04T09:00:00Z', personal_data: true, affected_people: 10, affected_by_state: { CA: 8, TX: 8 } }), ['incident.affected_by_state']],
    ['an unknown time zone', facts({ timezone: 'Mars/Olympus_Mons' }, { aware_at: '2026-05-04T09:00:00Z' }), ['organisation.timezone']],
  ])('refuses %s, naming the field', (_name, input, paths) => {
    const problems = problemsOf(input);
    expect(problems.map((p) => p.path)).toEqual(paths);
    for (const p of problems) expect(p.message.length).toBeGreaterThan(10);
  });

  it('accepts discovery before awareness, the normal order, and discovery equal to it', () => {
    expect(factProblems(facts(base, { aware_at: '2026-05-04T09:00:00Z', discovered_at: '2026-05-01T09:00:00Z' }))).toEqual([]);
    expect(factProblems(facts(base, { aware_at: '2026-05-04T09:00:00Z', discovered_at: '2026-05-04T11:00:00+02:00' }))).toEqual([]);
  });
});

describe('organisation-defined regimes as data', () => {
  const contract: RegimeDefinition = {
    id: 'acme_contract',
    name: 'ACME master services agreement § 12.3',
    time_zone: 'America/Chicago',
    applies_when: [{ fact: 'incident.personal_data', is: true }, { fact: 'incident.affected_by_state', state: 'IL', at_least: 1 }],
    stages: [
      { id: 'notice', recipient: 'ACME security office', clocks: [{ start: { from: 'discovered_at' }, rule: { kind: 'elapsed_hours', hours: 48 } }], basis: 'MSA § 12.3(a): notice within 48 hours of discovery.' },
      { id: 'root_cause', recipient: 'ACME security office', clocks: [{ start: { from: 'stage', stage: 'notice' }, rule: { kind: 'business_days', days: 10, holidays: 'none' } }], basis: 'MSA § 12.3(b): a root-cause report within 10 business days of the notice.' },
    ],
  };

  it('runs beside the built-in regimes, with chained stages', () => {
    const input = facts({ timezone: 'Europe/Berlin' }, { aware_at: '2026-05-06T15:00:00Z', discovered_at: '2026-05-06T14:00:00Z', personal_data: true, affected_people: 4, affected_by_state: { IL: 4 } });
    // 14:00Z + 48 h = Fri 8 May 14:00Z = 09:00 CDT; 10 business days after Friday: Mon 11 … Fri 22 May, end of day.
    expect(deadlines(deriveObligations(input, [...BUILT_IN_REGIMES, contract]))).toEqual({
      'acme_contract/notice': '2026-05-08T09:00:00-05:00',
      'acme_contract/root_cause': '2026-05-22T23:59:59.999-05:00',
    });
    expect(deriveObligations({ ...input, incident: { ...input.incident, affected_by_state: { WI: 4 } } }, [contract])).toEqual([]);
  });

  it('refuses stage chains that point nowhere, forwards or at a per-state stage, and taken ids', () => {
    const broken: RegimeDefinition = {
      ...contract,
      id: 'gdpr',
      time_zone: 'Nowhere/City',
      stages: [
        { ...contract.stages[1]!, id: 'first' },
        { id: 'press', recipient: 'Press in {state}', per_state: { at_least: 1 }, clocks: [{ start: { from: 'aware_at' }, rule: { kind: 'calendar_days', days: 5 } }], basis: 'Clause 9.' },
        { id: 'after_press', recipient: 'Board', clocks: [{ start: { from: 'stage', stage: 'press' }, rule: { kind: 'calendar_days', days: 5 } }], basis: 'Clause 10.' },
      ],
    };
    expect(regimeProblems([broken, contract, contract], { prefix: 'custom_regimes', reservedIds: BUILT_IN_REGIMES.map((r) => r.id) }).map((p) => p.path)).toEqual([
      'custom_regimes.0.id',
      'custom_regimes.0.time_zone',
      'custom_regimes.0.stages.0.clocks.0.start.stage',
      'custom_regimes.0.stages.2.clocks.0.start.stage',
      'custom_regimes.2.id',
    ]);
    expect(regimeProblems(BUILT_IN_REGIMES, { prefix: 'regimes' })).toEqual([]);
  });
});
