import { beforeAll, expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();
const PROFILE = { timezone: 'Europe/Berlin', eu_controller: true, dora_financial_entity: true, contact_point: 'DPO, dpo@example.test', lead_supervisory_authority: 'BfDI (Germany)' };

describeApiOnEachEngine('obligations on incidents: profile, facts, decisions, obligations', (t) => {
  const fieldsOf = (res: { json(): { errors?: Array<{ path: string }> } }) => (res.json().errors ?? []).map((e) => e.path);
  const open = async (body: Record<string, unknown> = {}) => {
    const res = await t().call('POST', '/api/v1/incidents', { body: { title: 'CRM export found on a paste site', category: 'data_breach', severity: 2, ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; number: string };
  };
  const putFacts = (id: string, body: Record<string, unknown>, options: { token?: string; version?: number } = {}) =>
    t().call('PUT', `/api/v1/incidents/${id}/facts`, { body, ...(options.token ? { token: options.token } : {}), ...(options.version !== undefined ? { headers: { 'if-match': `"${options.version}"` } } : {}) });
  const decide = (id: string, body: Record<string, unknown>, token?: string) => t().call('POST', `/api/v1/incidents/${id}/decisions`, { body, ...(token ? { token } : {}) });
  const obligations = async (id: string, token?: string) => {
    const res = await t().call('GET', `/api/v1/incidents/${id}/obligations`, token ? { token } : {});
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Array<Record<string, any>>;
  };
  const byKey = (items: Array<Record<string, any>>) => Object.fromEntries(items.map((o) => [`${o.regime}/${o.stage}`, o]));
  const breachFacts = (awareHoursAgo = 1) => ({ aware_at: ago(awareHoursAgo), personal_data: true, data_subject_jurisdictions: ['DE'], affected_people: 1200, data_categories: ['contact details'], subject_categories: ['customers'], nature: 'CRM export published' });

  beforeAll(async () => {
    const res = await t().call('PUT', '/api/v1/obligations/profile', { body: PROFILE });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('keeps the organisation profile: everyone reads it, only administrators change it, bad regimes are refused with their paths', async () => {
    const stakeholder = await t().user('stakeholder');
    const read = await t().call('GET', '/api/v1/obligations/profile', { token: stakeholder.token });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ ...PROFILE, custom_regimes: [] });
    const manager = await t().user('incident_manager');
    expect((await t().call('PUT', '/api/v1/obligations/profile', { token: manager.token, body: PROFILE })).statusCode).toBe(403);
    expect((await t().call('PUT', '/api/v1/obligations/profile', { token: null, body: PROFILE })).statusCode).toBe(401);

    const bad = await t().call('PUT', '/api/v1/obligations/profile', {
      body: {
        ...PROFILE,
        custom_regimes: [
          { id: 'gdpr', name: 'Clash', applies_when: [], stages: [{ id: 'x', recipient: 'Y', clocks: [{ start: { from: 'aware_at' }, rule: { kind: 'elapsed_hours', hours: 1 } }], basis: 'B' }] },
          { id: 'insurer', name: 'Insurer', applies_when: [], stages: [{ id: 'notice', recipient: 'Insurer', clocks: [{ start: { from: 'stage', stage: 'later' }, rule: { kind: 'calendar_days', days: 2 } }], basis: 'Policy § 7' }] },
          { id: 'contract', name: 'Contract', applies_when: [], stages: [{ id: 'notice', recipient: 'Customer', clocks: [{ start: { from: 'aware_at' }, rule: { kind: 'weeks', weeks: 1 } }], basis: 'MSA § 9' }] },
        ],
      },
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['body.custom_regimes.2.stages.0.clocks.0.rule.kind']));
    const ok = await t().call('GET', '/api/v1/obligations/profile');
    expect(ok.json().custom_regimes).toEqual([]);
    const semantic = await t().call('PUT', '/api/v1/obligations/profile', { body: { ...PROFILE, custom_regimes: [
      { id: 'gdpr', name: 'Clash', applies_when: [], stages: [{ id: 'x', recipient: 'Y', clocks: [{ start: { from: 'aware_at' }, rule: { kind: 'elapsed_hours', hours: 1 } }], basis: 'B' }] },
      { id: 'insurer', name: 'Insurer', applies_when: [], stages: [{ id: 'notice', recipient: 'Insurer', clocks: [{ start: { from: 'stage', stage: 'later' }, rule: { kind: 'calendar_days', days: 2 } }], basis: 'Policy § 7' }] },
    ] } });
    expect(semantic.statusCode).toBe(400);
    expect(fieldsOf(semantic)).toEqual(['body.custom_regimes.0.id', 'body.custom_regimes.1.stages.0.clocks.0.start.stage']);
  });

  it('refuses contradictory facts, naming each field, and saves nothing', async () => {
    const incident = await open();
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ aware_at: ago(2), personal_data: false, affected_people: 10, data_subject_jurisdictions: ['DE'], data_categories: ['health'], subject_categories: ['patients'] }, ['affected_people', 'data_subject_jurisdictions', 'data_categories', 'subject_categories']],
      [{ aware_at: ago(2), discovered_at: ago(1), personal_data: true }, ['discovered_at']],
      [{ aware_at: ago(2), personal_data: true, affected_records: -1 }, ['body.affected_records']],
      [{ personal_data: true }, ['body.aware_at']],
    ];
    for (const [body, paths] of cases) {
      const res = await putFacts(incident.id, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(fieldsOf(res), JSON.stringify(body)).toEqual(paths);
    }
    expect((await t().call('GET', `/api/v1/incidents/${incident.id}/facts`)).statusCode).toBe(404);
    expect(await obligations(incident.id)).toEqual([]);
  });

  it('turns facts and decisions into obligations: GDPR to the authority 72 h after awareness, DORA stages after "major"', async () => {
    const incident = await open();
    expect(await obligations(incident.id)).toEqual([]);
    const facts = breachFacts(1);
    const saved = await putFacts(incident.id, facts);
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.headers.etag).toBe('"1"');
    let items = byKey(await obligations(incident.id));
    expect(Object.keys(items)).toEqual(['gdpr/authority']);
    const gdpr = items['gdpr/authority']!;
    const due = new Date(Date.parse(facts.aware_at) + 72 * HOUR).toISOString();
    expect(gdpr).toMatchObject({ status: 'pending', deadline_utc: due, time_zone: 'Europe/Berlin', organisation_time_zone: 'Europe/Berlin', recipient: 'Competent (lead) supervisory authority', version: 1 });
    expect(gdpr.deadline).toMatch(/\+0[12]:00$/);
    expect(Date.parse(gdpr.deadline)).toBe(Date.parse(due));
    expect(gdpr.time_left_seconds).toBeGreaterThan(70 * 3600);
    expect(gdpr.time_left_seconds).toBeLessThanOrEqual(71 * 3600);

    const decision = await decide(incident.id, { kind: 'classified_major', outcome: true, decided_at: ago(0.5), facts: 'Core banking CRM down for 2 h, 1,200 clients affected' });
    expect(decision.statusCode, decision.body).toBe(201);
    expect(decision.json()).toMatchObject({ kind: 'classified_major', outcome: true, signed_by: { id: t().admin.id }, signature_valid: true, superseded_by: null });
    expect(decision.json().signature).toMatch(/^[0-9a-f]{64}$/);
    items = byKey(await obligations(incident.id));
    expect(Object.keys(items).sort()).toEqual(['dora/final', 'dora/initial', 'dora/intermediate', 'gdpr/authority']);
    // The earlier of 4 h after the classification and 24 h after awareness.
    expect(items['dora/initial']!.deadline_utc).toBe(new Date(Date.parse(decision.json().decided_at) + 4 * HOUR).toISOString());

    const timeline = (await t().call('GET', `/api/v1/incidents/${incident.id}/timeline`)).json().items as Array<{ kind: string; body: string }>;
    expect(timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['facts_updated', 'decision_recorded', 'obligations_changed']));
    const audit = await t().system.database.db.selectFrom('audit_log').select('action').where('target_id', '=', decision.json().id).execute();
    expect(audit.map((a) => a.action)).toEqual(['decision.record']);

    // "Not major after all": a new decision supersedes the old, and the DORA clocks stop.
    const no = await decide(incident.id, { kind: 'classified_major', outcome: false, decided_at: ago(0.2), facts: 'Restored within the hour; below the DORA thresholds' });
    expect(no.statusCode, no.body).toBe(201);
    const decisions = (await t().call('GET', `/api/v1/incidents/${incident.id}/decisions`)).json().items as Array<{ id: string; superseded_by: string | null }>;
    expect(decisions.map((d) => d.superseded_by)).toEqual([no.json().id, null]);
    items = byKey(await obligations(incident.id));
    expect(items['dora/initial']).toMatchObject({ status: 'not_required', status_reason: expect.stringMatching(/^facts changed:/) });
    expect(items['gdpr/authority']!.status).toBe('pending');
  });

  it('moves a deadline when the facts change, keeps a submitted obligation, and needs the version', async () => {
    const incident = await open();
    expect((await putFacts(incident.id, breachFacts(1))).statusCode).toBe(201);
    const before = byKey(await obligations(incident.id))['gdpr/authority']!;
    expect((await putFacts(incident.id, breachFacts(3))).statusCode).toBe(428);
    expect((await putFacts(incident.id, breachFacts(3), { version: 7 })).statusCode).toBe(412);
    const moved = await putFacts(incident.id, breachFacts(3), { version: 1 });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = byKey(await obligations(incident.id))['gdpr/authority']!;
    expect(after.id).toBe(before.id);
    expect(Date.parse(before.deadline_utc) - Date.parse(after.deadline_utc)).toBeGreaterThan(1.9 * HOUR);
    const timeline = (await t().call('GET', `/api/v1/incidents/${incident.id}/timeline`)).json().items as Array<{ kind: string; body: string }>;
    expect(timeline.some((e) => e.kind === 'obligations_changed' && /deadline moved/.test(e.body))).toBe(true);

    const submitted = await t().call('PATCH', `/api/v1/obligations/${after.id}`, { body: { status: 'submitted', reference: 'BfDI-2026-4711', submitted_at: ago(0.1) }, headers: { 'if-match': `"${after.version}"` } });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', reference: 'BfDI-2026-4711' });
    // Not personal data after all: the submitted obligation stays as it was.
    const noPersonal = await putFacts(incident.id, { aware_at: ago(3), personal_data: false }, { version: 2 });
    expect(noPersonal.statusCode, noPersonal.body).toBe(200);
    expect(byKey(await obligations(incident.id))['gdpr/authority']).toMatchObject({ status: 'submitted', reference: 'BfDI-2026-4711', deadline_utc: after.deadline_utc });
  });

  it('asks for the reasons for the delay when a late obligation is submitted, and for a reason when not required', async () => {
    const incident = await open();
    expect((await putFacts(incident.id, breachFacts(100))).statusCode).toBe(201);
    const gdpr = byKey(await obligations(incident.id))['gdpr/authority']!;
    expect(gdpr.status).toBe('late');
    expect(gdpr.time_left_seconds).toBeLessThan(0);
    const url = `/api/v1/obligations/${gdpr.id}`;
    expect((await t().call('PATCH', url, { body: { status: 'drafted' } })).statusCode).toBe(428);
    const without = await t().call('PATCH', url, { body: { status: 'submitted', reference: 'BfDI-1', submitted_at: ago(0.1), version: 1 } });
    expect(without.statusCode).toBe(400);
    expect(fieldsOf(without)).toEqual(['delay_reason']);
    const noReason = await t().call('PATCH', url, { body: { status: 'not_required', version: 1 } });
    expect(fieldsOf(noReason)).toEqual(['reason']);
    expect(byKey(await obligations(incident.id))['gdpr/authority']).toMatchObject({ version: 1, reference: '' });
    const late = await t().call('PATCH', url, { body: { status: 'submitted', reference: 'BfDI-1', submitted_at: ago(0.1), delay_reason: 'Forensics could only confirm the scope on day 4', version: 1 } });
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json()).toMatchObject({ status: 'submitted', delay_reason: 'Forensics could only confirm the scope on day 4', version: 2 });
    const timeline = (await t().call('GET', `/api/v1/incidents/${incident.id}/timeline`)).json().items as Array<{ kind: string; body: string }>;
    expect(timeline.find((e) => e.kind === 'obligation_updated')!.body).toMatch(/late; reasons for the delay/);
  });

  it('refuses a decision without its time, or in the future, and saves nothing', async () => {
    const incident = await open();
    const without = await decide(incident.id, { kind: 'personal_data_breach', outcome: true, facts: 'CRM export' });
    expect(without.statusCode).toBe(400);
    expect(without.headers['content-type']).toContain('application/problem+json');
    expect(fieldsOf(without)).toEqual(['decided_at']);
    const future = await decide(incident.id, { kind: 'personal_data_breach', outcome: true, decided_at: new Date(Date.now() + 10 * HOUR).toISOString(), facts: 'CRM export' });
    expect(fieldsOf(future)).toEqual(['decided_at']);
    const noFacts = await decide(incident.id, { kind: 'personal_data_breach', outcome: true, decided_at: ago(1), facts: '  ' });
    expect(fieldsOf(noFacts)).toEqual(['body.facts']);
    expect((await t().call('GET', `/api/v1/incidents/${incident.id}/decisions`)).json().items).toEqual([]);
  });

  it('lets legal on the incident sign (a stakeholder), not an analyst without a role; "personal data breach: yes" sets the facts', async () => {
    const incident = await open();
    expect((await putFacts(incident.id, { aware_at: ago(2), personal_data: false })).statusCode).toBe(201);
    expect(await obligations(incident.id)).toEqual([]);
    const analyst = await t().user('analyst');
    const body = { kind: 'personal_data_breach', outcome: true, decided_at: ago(1), facts: 'Customer names and e-mails in the export' };
    const refused = await decide(incident.id, body, analyst.token);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const counsel = await t().user('stakeholder', 'Lena Legal');
    expect((await t().call('POST', `/api/v1/incidents/${incident.id}/members`, { body: { user_id: counsel.id, role: 'legal' } })).statusCode).toBe(201);
    const signed = await decide(incident.id, body, counsel.token);
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json().signed_by).toEqual({ id: counsel.id, name: 'Lena Legal' });
    const facts = await t().call('GET', `/api/v1/incidents/${incident.id}/facts`);
    expect(facts.json()).toMatchObject({ personal_data: true, version: 2 });
    expect(Object.keys(byKey(await obligations(incident.id)))).toEqual(['gdpr/authority']);
    // The signed decision stands: the facts cannot quietly say otherwise.
    const contradicting = await putFacts(incident.id, { aware_at: ago(2), personal_data: false }, { version: 2 });
    expect(contradicting.statusCode).toBe(400);
    expect(fieldsOf(contradicting)).toEqual(['personal_data']);
    // Legal may record what happened to it; an analyst may not.
    const gdpr = (await obligations(incident.id))[0]!;
    expect((await t().call('PATCH', `/api/v1/obligations/${gdpr.id}`, { token: analyst.token, body: { status: 'drafted', version: gdpr.version } })).statusCode).toBe(403);
    const drafted = await t().call('PATCH', `/api/v1/obligations/${gdpr.id}`, { token: counsel.token, body: { status: 'drafted', version: gdpr.version } });
    expect(drafted.statusCode, drafted.body).toBe(200);
    expect(drafted.json().status).toBe('drafted');
  });

  it('hides restricted incidents’ obligations from non-members, in lists too, and lists open ones due soonest first', async () => {
    const visible = await open();
    expect((await putFacts(visible.id, breachFacts(60))).statusCode).toBe(201);
    const secret = await open({ restricted: true, title: 'Insider exfiltration' });
    expect((await putFacts(secret.id, breachFacts(65))).statusCode).toBe(201);
    const manager = await t().user('incident_manager');
    expect((await t().call('GET', `/api/v1/incidents/${secret.id}/obligations`, { token: manager.token })).statusCode).toBe(404);
    expect((await t().call('GET', `/api/v1/incidents/${secret.id}/facts`, { token: manager.token })).statusCode).toBe(404);
    expect((await t().call('GET', `/api/v1/incidents/${secret.id}/decisions`, { token: manager.token })).statusCode).toBe(404);
    const secretOne = (await obligations(secret.id))[0]!;
    expect((await t().call('PATCH', `/api/v1/obligations/${secretOne.id}`, { token: manager.token, body: { status: 'drafted', version: 1 } })).statusCode).toBe(404);

    const listed = (token?: string) => t().call('GET', '/api/v1/obligations', { query: { status: 'open', limit: '100' }, ...(token ? { token } : {}) });
    const forManager = (await listed(manager.token)).json().items as Array<Record<string, any>>;
    expect(forManager.some((o) => o.incident_id === secret.id)).toBe(false);
    expect(forManager.some((o) => o.incident_id === visible.id)).toBe(true);
    const forAdmin = (await listed()).json().items as Array<Record<string, any>>;
    expect(forAdmin.some((o) => o.incident_id === secret.id)).toBe(true);
    const deadlines = forAdmin.map((o) => o.deadline_utc);
    expect(deadlines).toEqual([...deadlines].sort());
    expect(forAdmin.every((o) => ['pending', 'drafted', 'late'].includes(o.status))).toBe(true);
    expect(forAdmin[0]).toMatchObject({ incident: { number: expect.any(String) } });
    expect((await t().call('GET', '/api/v1/obligations', { query: { status: 'sometimes' } })).statusCode).toBe(400);
  });

  it('recomputes open incidents when the profile changes', async () => {
    const incident = await open();
    expect((await putFacts(incident.id, breachFacts(1))).statusCode).toBe(201);
    const res = await t().call('PUT', '/api/v1/obligations/profile', { body: { ...PROFILE, eu_controller: false } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().incidents_recomputed).toBeGreaterThan(0);
    expect(byKey(await obligations(incident.id))['gdpr/authority']).toMatchObject({ status: 'not_required', status_reason: expect.stringMatching(/^facts changed:/) });
    expect((await t().call('PUT', '/api/v1/obligations/profile', { body: PROFILE })).statusCode).toBe(200);
    expect(byKey(await obligations(incident.id))['gdpr/authority']).toMatchObject({ status: 'pending', status_reason: '' });
  });
});
