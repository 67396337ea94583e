import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';
import { REVIEW_DUE, samplePlan } from './plan-fixture.js';

describeApiOnEachEngine('response plan API', (t) => {
  const save = (body: Record<string, unknown>, options: { token?: string; version?: number } = {}) =>
    t().call('PUT', '/api/v1/plan/draft', { body, ...(options.token ? { token: options.token } : {}), ...(options.version !== undefined ? { headers: { 'if-match': `"${options.version}"` } } : {}) });
  const approve = (body?: Record<string, unknown>, token?: string) => t().call('POST', '/api/v1/plan/draft/approve', { ...(body ? { body } : {}), ...(token ? { token } : {}) });
  const overview = async () => (await t().call('GET', '/api/v1/plan')).json();
  const draftVersion = async () => (await overview()).draft?.version as number | undefined;
  const rowCount = async (table: 'response_plans' | 'plan_exports') => Number((await t().system.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('opens a draft, edits it with its version, approves it, supersedes it with the next, and keeps every version', async () => {
    expect(await overview()).toMatchObject({ in_force: null, draft: null, status: { changed_since_export: false, review_overdue: false, last_export: null } });

    const created = await save({ content: samplePlan(), change_note: 'First plan', review_due_at: '2030-06-30T02:00:00+02:00' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.json()).toMatchObject({ plan_version: 1, status: 'draft', version: 1, change_note: 'First plan', review_due_at: REVIEW_DUE, approved_at: null });
    expect(created.json().changed_sections).toContain('team');

    const edited = await save({ content: samplePlan({ meeting_place: 'Room 3.01' }) }, { version: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ plan_version: 1, version: 2, change_note: 'First plan', content: { meeting_place: 'Room 3.01' } });

    const hook = await t().call('POST', '/api/v1/webhooks', { body: { name: 'Plan sync', url: 'https://receiver.example/hook', event_types: ['plan.approved'] } });
    expect(hook.statusCode, hook.body).toBe(201);
    const approved = await approve({ version: 2 });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ plan_version: 1, status: 'approved', approved_by: t().admin.id, approved_by_name: 'Ada Admin', review_due_at: REVIEW_DUE });
    const queued = await t().system.database.db.selectFrom('outbox').select('payload').where('topic', '=', `webhook:${hook.json().webhook.id}`).execute();
    expect(queued.map((q) => (typeof q.payload === 'string' ? JSON.parse(q.payload) : q.payload))).toEqual([expect.objectContaining({ type: 'plan.approved', entity_id: approved.json().id, version: 3 })]);
    const afterFirst = await overview();
    expect(afterFirst).toMatchObject({ in_force: { plan_version: 1 }, draft: null, status: { changed_since_export: true, review_overdue: false, review_due_at: REVIEW_DUE } });

    // The next draft opens from nothing but the body: version 2, the approved one stays in force.
    const next = await save({ content: samplePlan({ meeting_place: 'Room 3.01', third_parties: [] }), change_note: 'Insurer changed' });
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json()).toMatchObject({ plan_version: 2, status: 'draft', changed_sections: ['third_parties'], review_due_at: null });
    expect((await overview()).in_force.plan_version).toBe(1);
    expect((await approve({ review_due_at: '2031-01-01T00:00:00Z' })).statusCode).toBe(200);

    const versions = await t().call('GET', '/api/v1/plan/versions');
    expect(versions.statusCode).toBe(200);
    expect(versions.json().items.map((v: { plan_version: number; status: string }) => [v.plan_version, v.status])).toEqual([[2, 'approved'], [1, 'superseded']]);
    expect(versions.json().items[0]).toMatchObject({ change_note: 'Insurer changed', changed_sections: ['third_parties'], approved_by_name: 'Ada Admin' });

    const first = await t().call('GET', '/api/v1/plan/versions/1');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'superseded', content: { third_parties: [{ name: 'Cyber Mutual' }] } });
    expect((await t().call('GET', '/api/v1/plan/versions/9')).statusCode).toBe(404);
    expect((await t().call('GET', '/api/v1/plan/versions/abc')).statusCode).toBe(400);

    const audit = await t().system.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'plan.%').orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['plan.draft_create', 'plan.draft_update', 'plan.approve', 'plan.draft_create', 'plan.supersede', 'plan.approve']);
  });

  it('needs the draft version once a draft exists: 428 without, 412 when someone saved since', async () => {
    const open = await save({ content: samplePlan() });
    expect([200, 201]).toContain(open.statusCode);
    const version = open.json().version as number;
    const without = await save({ content: samplePlan({ scope: 'Other' }) });
    expect(without.statusCode).toBe(428);
    const stale = await save({ content: samplePlan({ scope: 'Other' }) }, { version: version + 5 });
    expect(stale.statusCode).toBe(412);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json().current_version).toBe(version);
    expect(await draftVersion()).toBe(version);
  });

  it('refuses a plan that does not hold together, naming each problem, and writes nothing', async () => {
    const before = await rowCount('response_plans');
    const version = await draftVersion();
    const bad = samplePlan({
      escalation_rules: [{ id: 'sev1', severities: [1], categories: [], contact_ids: ['ciso', 'ceo'], respond_within_minutes: 15 }],
      templates: [{ id: 'staff', name: 'Staff notice', audience: 'staff', channel: 'email', holding_statement: false, subject: 'About {{incident.titel}}', body: 'Hello {{ customer.name }}, {{today}}' }],
    });
    bad.team[0]!.deputies = ['ciso'];
    const res = await save({ content: bad }, { ...(version !== undefined ? { version } : {}) });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual(expect.arrayContaining([
      { path: 'content.team.0.deputies.0', message: 'Carla Ciso cannot be their own deputy' },
      { path: 'content.escalation_rules.0.contact_ids.1', message: '"ceo" is not a contact of the team' },
      { path: 'content.templates.0.subject', message: 'unknown template variable {{incident.titel}}' },
      { path: 'content.templates.0.body', message: 'unknown template variable {{customer.name}}' },
    ]));
    expect(res.json().detail).toContain('{{customer.name}}');

    // Shape errors from the schema: an unknown field, a zero cadence, a severity 5.
    const shape = await save({ content: { ...samplePlan(), extra: 1, status_update_cadence: [{ severity: 5, every_minutes: 0, audience: 'executives' }] } });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining([expect.stringContaining('status_update_cadence.0.every_minutes'), expect.stringContaining('status_update_cadence.0.severity')]));
    const twice = await save({ content: samplePlan({ severity_definitions: [{ severity: 1, name: 'A', description: '', examples: [] }, { severity: 1, name: 'B', description: '', examples: [] }] }) }, { ...(version !== undefined ? { version } : {}) });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors).toContainEqual({ path: 'content.severity_definitions.1.severity', message: 'severity 1 is defined twice' });
    expect(await rowCount('response_plans')).toBe(before);
    expect(await draftVersion()).toBe(version);
  });

  it('lets only administrators approve, and only with a review date in the future', async () => {
    const manager = await t().user('incident_manager');
    const version = await draftVersion();
    const saved = await save({ content: samplePlan({ scope: 'Approval rules' }), review_due_at: null }, { token: manager.token, ...(version !== undefined ? { version } : {}) });
    expect([200, 201]).toContain(saved.statusCode);

    const refused = await approve({}, manager.token);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const undated = await approve();
    expect(undated.statusCode).toBe(400);
    expect(undated.json().errors).toEqual([{ path: 'review_due_at', message: 'required to approve' }]);
    const past = await approve({ review_due_at: '2020-01-01T00:00:00Z' });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors).toEqual([{ path: 'review_due_at', message: 'must be after now' }]);
    expect((await overview()).draft).toMatchObject({ status: 'draft', content: { scope: 'Approval rules' } });

    const responder = await t().user('responder');
    expect((await save({ content: samplePlan() }, { token: responder.token, version: saved.json().version })).statusCode).toBe(403);
    expect((await t().call('GET', '/api/v1/plan', { token: null })).statusCode).toBe(401);
    expect((await approve({ review_due_at: REVIEW_DUE })).statusCode).toBe(200);
    expect((await approve({ review_due_at: REVIEW_DUE })).statusCode).toBe(404);
  });

  it('exports the plan in force as self-contained HTML and as PDF, records each export with the hash of the bytes, and says when the plan changed since', async () => {
    const stakeholder = await t().user('stakeholder');
    const html = await t().call('GET', '/api/v1/plan/export?format=html', { token: stakeholder.token });
    expect(html.statusCode, html.body).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers['content-disposition']).toMatch(/^attachment; filename="response-plan-v\d+-\d{4}-\d{2}-\d{2}\.html"$/);
    const sha = createHash('sha256').update(html.rawPayload).digest('hex');
    expect(html.headers['x-content-sha256']).toBe(sha);
    const plan = (await overview()).in_force;
    expect(html.body).toContain(plan.content_sha256);
    expect(html.body).toContain('Carla Ciso');
    expect(html.body).toContain('CY-2026-77');
    expect(html.body).not.toMatch(/<script|<link|src=|url\(/i);

    const status = (await overview()).status;
    expect(status).toMatchObject({ changed_since_export: false, last_export: { plan_version: plan.plan_version, format: 'html', sha256: sha, exported_by: stakeholder.id } });
    const row = await t().system.database.db.selectFrom('plan_exports').selectAll().where('sha256', '=', sha).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ plan_id: plan.id, format: 'html', exported_by: stakeholder.id });
    const audit = await t().system.database.db.selectFrom('audit_log').select(['action', 'actor_id']).where('target_id', '=', row.id).execute();
    expect(audit).toEqual([{ action: 'plan.export', actor_id: stakeholder.id }]);

    const pdf = await t().call('GET', '/api/v1/plan/export?format=pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.headers['x-content-sha256']).toBe(createHash('sha256').update(pdf.rawPayload).digest('hex'));

    const exports = await rowCount('plan_exports');
    expect((await t().call('GET', '/api/v1/plan/export?format=docx')).statusCode).toBe(400);
    expect(await rowCount('plan_exports')).toBe(exports);

    // A later approval makes the offline copy stale; a passed review date is overdue.
    expect((await save({ content: samplePlan({ scope: 'Newer' }), review_due_at: REVIEW_DUE })).statusCode).toBe(201);
    expect((await approve()).statusCode).toBe(200);
    expect((await overview()).status).toMatchObject({ changed_since_export: true, review_overdue: false });
    await t().system.database.db.updateTable('response_plans').set({ review_due_at: '2021-01-01T00:00:00.000Z' }).where('status', '=', 'approved').execute();
    expect((await overview()).status).toMatchObject({ review_overdue: true, review_due_at: '2021-01-01T00:00:00.000Z' });
  });
});

describeApiOnEachEngine('response plan export before any approval', (t) => {
  it('answers 409 and records nothing', async () => {
    const res = await t().call('GET', '/api/v1/plan/export');
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('approve a draft first');
    expect(await t().system.database.db.selectFrom('plan_exports').selectAll().execute()).toEqual([]);
  });
});
