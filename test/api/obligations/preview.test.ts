import { describe, expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';

const URL = '/api/v1/obligations/preview';

/** The fixed point's body: an EU controller, NIS2 essential entity, DORA entity and SEC registrant. */
const body = {
  organisation: { timezone: 'Europe/Berlin', eu_controller: true, nis2: 'essential', dora_financial_entity: true, sec_registrant: true },
  incident: { aware_at: '2026-03-27T10:00:00+01:00', discovered_at: '2026-03-27T08:00:00+01:00', personal_data: true, data_subject_jurisdictions: ['DE', 'FR'], affected_people: 1200 },
  decisions: [
    { kind: 'significant_incident', at: '2026-03-27T11:00:00+01:00' },
    { kind: 'classified_major', at: '2026-03-27T12:00:00+01:00' },
    { kind: 'materiality_determined', at: '2026-03-30T16:00:00-04:00' },
  ],
};

describeApiOnEachEngine('POST /api/v1/obligations/preview', (t) => {
  const preview = (payload: unknown, token?: string | null) => t().call('POST', URL, { body: payload, ...(token !== undefined ? { token } : {}) });
  const fieldsOf = (res: { json(): { errors?: Array<{ path: string }> } }) => (res.json().errors ?? []).map((e) => e.path);

  it('answers the obligations the facts create, each with regime, stage, recipient, deadline with offset and basis', async () => {
    const res = await preview(body);
    expect(res.statusCode, res.body).toBe(200);
    const { obligations } = res.json();
    const byKey = Object.fromEntries(obligations.map((o: { regime: string; stage: string }) => [`${o.regime}/${o.stage}`, o]));
    expect(Object.keys(byKey)).toEqual(['dora/initial', 'nis2/early_warning', 'gdpr/authority', 'nis2/notification', 'dora/intermediate', 'sec_8k/form_8k', 'nis2/final_report', 'dora/final']);
    // 72 h from 10:00 CET across the spring-forward is 11:00 CEST.
    expect(byKey['gdpr/authority']).toMatchObject({ recipient: 'Competent (lead) supervisory authority', deadline: '2026-03-30T11:00:00+02:00', deadline_utc: '2026-03-30T09:00:00.000Z' });
    expect(byKey['gdpr/authority'].basis).toMatch(/Art\. 33\(1\)/);
    // NIS2 final: one month after the notification deadline.
    expect(byKey['nis2/final_report'].deadline).toBe('2026-04-30T11:00:00+02:00');
    // DORA initial: 4 h after classification (before 24 h after awareness), the rest chained.
    expect([byKey['dora/initial'].deadline, byKey['dora/intermediate'].deadline, byKey['dora/final'].deadline]).toEqual(['2026-03-27T16:00:00+01:00', '2026-03-30T17:00:00+02:00', '2026-04-30T17:00:00+02:00']);
    // SEC: Mon 30 March 16:00 EDT → Tue, Wed, Thu, Fri 3 April by 17:30 New York time.
    expect(byKey['sec_8k/form_8k']).toMatchObject({ deadline: '2026-04-03T17:30:00-04:00', deadline_organisation: '2026-04-03T23:30:00+02:00', recipient: 'U.S. Securities and Exchange Commission (EDGAR)' });
    for (const o of obligations) expect(o.basis).toBeTruthy();
  });

  it('covers HIPAA with media per state and UK GDPR by the organisation profile', async () => {
    const res = await preview({
      organisation: { timezone: 'America/Los_Angeles', uk_controller: true, hipaa: 'covered_entity' },
      incident: { aware_at: '2026-02-25T09:00:00-08:00', discovered_at: '2026-02-20T09:00:00-08:00', personal_data: true, data_subject_jurisdictions: ['us', 'gb'], affected_people: 1500, affected_by_state: { CA: 600, NY: 500 } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().obligations.map((o: { regime: string; stage: string; state?: string; deadline: string }) => [o.regime, o.stage, o.state ?? null, o.deadline]);
    expect(rows).toEqual([
      ['uk_gdpr', 'authority', null, '2026-02-28T17:00:00+00:00'],
      ['hipaa', 'individuals', null, '2026-04-21T09:00:00-07:00'],
      ['hipaa', 'hhs', null, '2026-04-21T12:00:00-04:00'],
      ['hipaa', 'media', 'CA', '2026-04-21T09:00:00-07:00'],
    ]);
  });

  it('tries organisation-defined regimes from the body, and saves nothing', async () => {
    const auditBefore = (await t().call('GET', '/api/v1/audit?limit=200')).json().items.length;
    const res = await preview({
      ...body,
      custom_regimes: [
        {
          id: 'insurer_policy',
          name: 'Cyber insurance policy notice',
          applies_when: [{ fact: 'decision', kind: 'significant_incident' }],
          stages: [
            { id: 'first_notice', recipient: 'Insurer claims hotline', clocks: [{ start: { from: 'aware_at' }, rule: { kind: 'elapsed_hours', hours: 48 } }], basis: 'Policy § 7.1: notice of a claim circumstance within 48 hours of awareness.' },
            { id: 'proof_of_loss', recipient: 'Insurer', clocks: [{ start: { from: 'stage', stage: 'first_notice' }, rule: { kind: 'calendar_days', days: 60 } }], basis: 'Policy § 7.4: proof of loss within 60 days of the notice.' },
          ],
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const custom = res.json().obligations.filter((o: { regime: string }) => o.regime === 'insurer_policy');
    // The regime's zone defaults to the organisation's; 10:00 CET + 48 h = 29 March 11:00 CEST (clocks went forward); + 60 days = 28 May 11:00.
    expect(custom.map((o: { stage: string; deadline: string }) => [o.stage, o.deadline])).toEqual([['first_notice', '2026-03-29T11:00:00+02:00'], ['proof_of_loss', '2026-05-28T11:00:00+02:00']]);
    expect((await t().call('GET', '/api/v1/audit?limit=200')).json().items.length).toBe(auditBefore);
  });

  describe('authorisation', () => {
    it('needs a signed-in caller', async () => {
      const res = await preview(body, null);
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });

    it.each(['stakeholder', 'auditor', 'analyst'] as const)('answers a %s (every role reads incidents, which is what it needs)', async (role) => {
      const res = await preview(body, (await t().user(role)).token);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().obligations.length).toBe(8);
    });
  });

  describe('bad input: 400 problem+json naming the field', () => {
    it('names an unknown key in the message', async () => {
      const res = await preview({ ...body, incident: { ...body.incident, severity: 1 } });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].message).toContain('severity');
    });

    it.each<[string, unknown, string[]]>([
      ['people affected without personal data', { ...body, incident: { aware_at: '2026-03-27T10:00:00Z', personal_data: false, affected_people: 40 } }, ['body.incident.affected_people']],
      ['data subjects without personal data', { ...body, incident: { aware_at: '2026-03-27T10:00:00Z', personal_data: false, data_subject_jurisdictions: ['DE'] } }, ['body.incident.data_subject_jurisdictions']],
      ['a decision without a time', { ...body, decisions: [{ kind: 'classified_major' }] }, ['body.decisions.0.at']],
      ['discovery after awareness', { ...body, incident: { ...body.incident, discovered_at: '2026-03-28T10:00:00Z' } }, ['body.incident.discovered_at']],
      ['a time without an offset', { ...body, incident: { ...body.incident, aware_at: '2026-03-27T10:00:00' } }, ['body.incident.aware_at']],
      ['an unknown time zone', { ...body, organisation: { ...body.organisation, timezone: 'Europe/Atlantis' } }, ['body.organisation.timezone']],
      ['an unknown NIS2 entity kind', { ...body, organisation: { ...body.organisation, nis2: 'critical' } }, ['body.organisation.nis2']],
      ['an unknown decision kind', { ...body, decisions: [{ kind: 'breach_confirmed', at: '2026-03-27T10:00:00Z' }] }, ['body.decisions.0.kind']],
      // Zod names the object holding an unknown key; the message names the key (see the test below).
      ['an unknown field', { ...body, incident: { ...body.incident, severity: 1 } }, ['body.incident']],
      ['a negative count', { ...body, incident: { ...body.incident, affected_people: -1 } }, ['body.incident.affected_people']],
      [
        'a custom stage chained to a stage that does not come before it',
        { ...body, custom_regimes: [{ id: 'contract', name: 'Contract', applies_when: [], stages: [{ id: 'report', recipient: 'Customer', clocks: [{ start: { from: 'stage', stage: 'notice' }, rule: { kind: 'elapsed_hours', hours: 24 } }], basis: 'Clause 4.' }] }] },
        ['body.custom_regimes.0.stages.0.clocks.0.start.stage'],
      ],
      [
        'a custom regime taking a built-in id',
        { ...body, custom_regimes: [{ id: 'gdpr', name: 'Mine', applies_when: [], stages: [{ id: 'notice', recipient: 'Customer', clocks: [{ start: { from: 'aware_at' }, rule: { kind: 'elapsed_hours', hours: 24 } }], basis: 'Clause 4.' }] }] },
        ['body.custom_regimes.0.id'],
      ],
      [
        'a custom condition on an unknown fact',
        { ...body, custom_regimes: [{ id: 'contract', name: 'Contract', applies_when: [{ fact: 'incident.severity', is: true }], stages: [{ id: 'notice', recipient: 'Customer', clocks: [{ start: { from: 'aware_at' }, rule: { kind: 'elapsed_hours', hours: 24 } }], basis: 'Clause 4.' }] }] },
        ['body.custom_regimes.0.applies_when.0.fact'],
      ],
      [
        'a custom rule of an unknown kind',
        { ...body, custom_regimes: [{ id: 'contract', name: 'Contract', applies_when: [], stages: [{ id: 'notice', recipient: 'Customer', clocks: [{ start: { from: 'aware_at' }, rule: { kind: 'fortnights', count: 2 } }], basis: 'Clause 4.' }] }] },
        ['body.custom_regimes.0.stages.0.clocks.0.rule.kind'],
      ],
    ])('%s', async (_name, payload, paths) => {
      const res = await preview(payload);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(fieldsOf(res)).toEqual(paths);
      expect(res.json().detail).toContain(paths[0]);
    });
  });
});
