import { expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';

describeApiOnEachEngine('action items API', (t) => {
  const open = async (body: Record<string, unknown> = {}, token?: string) => {
    const res = await t().call('POST', '/api/v1/incidents', { ...(token ? { token } : {}), body: { title: 'Phishing of finance', category: 'phishing', ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const add = (incidentId: string, body: Record<string, unknown>, token?: string) => t().call('POST', `/api/v1/incidents/${incidentId}/action-items`, { body, ...(token ? { token } : {}) });
  const patch = (id: string, body: Record<string, unknown>, version: number, token?: string) =>
    t().call('PATCH', `/api/v1/action-items/${id}`, { body, headers: { 'if-match': `"${version}"` }, ...(token ? { token } : {}) });

  it('adds action items with owner, due date and register links, lists them per incident, and edits them at the version seen', async () => {
    const incident = await open();
    const owner = await t().user('responder', 'Malik Osei');
    const control = await t().call('POST', '/api/v1/controls', { body: { ref: 'AI-MFA', title: 'Phishing-resistant MFA' } });
    expect(control.statusCode, control.body).toBe(201);
    const created = await add(incident.id, { title: ' Roll out FIDO2 keys ', kind: 'control_improvement', owner_id: owner.id, due_at: '2030-01-31T00:00:00Z', control_id: control.json().id });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.location).toBe(`/api/v1/action-items/${created.json().id}`);
    const item = created.json();
    expect(item).toMatchObject({
      title: 'Roll out FIDO2 keys',
      kind: 'control_improvement',
      status: 'open',
      owner: { id: owner.id, name: 'Malik Osei' },
      due_at: '2030-01-31T00:00:00.000Z',
      control_id: control.json().id,
      risk_id: null,
      review_id: null,
      overdue: false,
      incident: { id: incident.id, number: incident.number, title: 'Phishing of finance' },
      version: 1,
    });
    expect(item.id).toMatch(/^act_/);
    const listed = (await t().call('GET', `/api/v1/incidents/${incident.id}/action-items`)).json().items;
    expect(listed.map((i: { id: string }) => i.id)).toEqual([item.id]);

    expect((await t().call('PATCH', `/api/v1/action-items/${item.id}`, { body: { status: 'in_progress' } })).statusCode).toBe(428);
    expect((await patch(item.id, { status: 'in_progress' }, 9)).statusCode).toBe(412);
    const done = await patch(item.id, { status: 'done' }, 1);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', version: 2 });
    expect(done.json().done_at).not.toBeNull();
    const reopened = (await patch(item.id, { status: 'open', title: 'Roll out FIDO2 keys to finance' }, 2)).json();
    expect(reopened).toMatchObject({ status: 'open', done_at: null, title: 'Roll out FIDO2 keys to finance', version: 3 });
    const audit = await t().system.database.db.selectFrom('audit_log').select('action').where('target_id', '=', item.id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['action_item.create', 'action_item.update', 'action_item.update']);
  });

  it('lets the owner change the status without review.write, and nothing else; others without it are refused', async () => {
    const incident = await open();
    const owner = await t().user('stakeholder', 'Sam Stake');
    const item = (await add(incident.id, { title: 'Tell the board', kind: 'other', owner_id: owner.id })).json();
    const byOwner = await patch(item.id, { status: 'in_progress' }, 1, owner.token);
    expect(byOwner.statusCode, byOwner.body).toBe(200);
    expect(byOwner.json().status).toBe('in_progress');
    const retitle = await patch(item.id, { title: 'Tell nobody' }, 2, owner.token);
    expect(retitle.statusCode).toBe(403);
    expect(retitle.json().detail).toContain('owner');
    const other = await t().user('stakeholder');
    expect((await patch(item.id, { status: 'done' }, 2, other.token)).statusCode).toBe(403);
    expect((await add(incident.id, { title: 'x', kind: 'other' }, other.token)).statusCode).toBe(403);
  });

  it('refuses an owner who cannot see a restricted incident, or whose account is disabled, naming them and why', async () => {
    const member = await t().user('responder', 'Rita Member');
    const secret = await open({ restricted: true, title: 'Insider case' }, member.token);
    const outsider = await t().user('responder', 'Otto Outsider');
    const refused = await add(secret.id, { title: 'Review access logs', kind: 'other', owner_id: outsider.id }, member.token);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toContain('Otto Outsider cannot own this action item');
    expect(refused.json().detail).toContain(`incident ${secret.number} is restricted`);
    expect(refused.json().errors).toEqual([{ path: 'owner_id', message: 'cannot see this restricted incident' }]);

    // A member can own it; an administrator too; reassigning to the outsider is refused the same way.
    const ok = await add(secret.id, { title: 'Review access logs', kind: 'other', owner_id: member.id }, member.token);
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await add(secret.id, { title: 'Sign off', kind: 'other', owner_id: t().admin.id }, member.token)).statusCode).toBe(201);
    expect((await patch(ok.json().id, { owner_id: outsider.id }, 1, member.token)).json().errors[0].path).toBe('owner_id');
    // The outsider does not see the item at all.
    expect((await patch(ok.json().id, { status: 'done' }, 1, outsider.token)).statusCode).toBe(404);
    expect((await t().call('GET', `/api/v1/incidents/${secret.id}/action-items`, { token: outsider.token })).statusCode).toBe(404);

    const gone = await t().user('responder', 'Gina Gone');
    await t().system.database.db.updateTable('users').set({ disabled_at: '2026-01-01T00:00:00.000Z' }).where('id', '=', gone.id).execute();
    const disabled = await add(secret.id, { title: 'x', kind: 'other', owner_id: gone.id }, member.token);
    expect(disabled.statusCode).toBe(400);
    expect(disabled.json().detail).toBe('Gina Gone cannot own this action item: their account is disabled.');
  });

  it('refuses bad input', async () => {
    const incident = await open();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ kind: 'other' }, 'title'],
      [{ title: 'x', kind: 'wishful' }, 'kind'],
      [{ title: 'x', kind: 'other', status: 'blocked' }, 'status'],
      [{ title: 'x', kind: 'other', due_at: 'soon' }, 'due_at'],
      [{ title: 'x', kind: 'other', owner_id: 'usr_nobody' }, 'owner_id'],
      [{ title: 'x', kind: 'new_control', control_id: 'ctl_nope' }, 'control_id'],
      [{ title: 'x', kind: 'new_risk', risk_id: 'rsk_nope' }, 'risk_id'],
      [{ title: 'x', kind: 'other', colour: 'red' }, 'body'],
    ];
    for (const [body, path] of cases) {
      const res = await add(incident.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' '), JSON.stringify(body)).toContain(path);
    }
    expect((await add('inc_nope', { title: 'x', kind: 'other' })).statusCode).toBe(404);
    expect((await patch('act_nope', { status: 'done' }, 1)).statusCode).toBe(404);
  });

  it('lists action items across reviews: by owner ("me"), status and overdue, only of incidents the caller may see, paged', async () => {
    const me = await t().user('responder');
    const a = await open({ title: 'Incident A' }, me.token);
    const secret = await open({ title: 'Secret B', restricted: true }, me.token);
    const late = (await add(a.id, { title: 'Late', kind: 'other', owner_id: me.id, due_at: '2020-01-01T00:00:00Z' }, me.token)).json();
    const lateDone = (await add(a.id, { title: 'Late but done', kind: 'other', owner_id: me.id, due_at: '2020-02-01T00:00:00Z', status: 'done' }, me.token)).json();
    const future = (await add(secret.id, { title: 'Future', kind: 'other', owner_id: me.id, due_at: '2035-01-01T00:00:00Z' }, me.token)).json();
    const undated = (await add(a.id, { title: 'Undated', kind: 'other', owner_id: me.id }, me.token)).json();
    const ids = async (query: Record<string, string>, token = me.token) => (await t().call('GET', '/api/v1/action-items', { token, query })).json().items.map((x: { id: string }) => x.id);

    expect(await ids({ owner_id: 'me' })).toEqual([late.id, lateDone.id, future.id, undated.id]);
    expect(await ids({ owner_id: 'me', overdue: 'true' })).toEqual([late.id]);
    expect(await ids({ owner_id: me.id, overdue: 'false' })).toEqual([lateDone.id, future.id, undated.id]);
    expect(await ids({ owner_id: 'me', status: 'done' })).toEqual([lateDone.id]);
    const overdueItem = (await t().call('GET', '/api/v1/action-items', { token: me.token, query: { owner_id: 'me', overdue: 'true' } })).json().items[0];
    expect(overdueItem).toMatchObject({ overdue: true, incident: { id: a.id, number: a.number, title: 'Incident A' } });

    const outsider = await t().user('incident_manager');
    expect(await ids({ owner_id: me.id }, outsider.token)).toEqual([late.id, lateDone.id, undated.id]);
    expect(await ids({ owner_id: me.id }, t().admin.token)).toContain(future.id);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; next_cursor: string | null } = (await t().call('GET', '/api/v1/action-items', { token: me.token, query: { owner_id: 'me', limit: '1', ...(cursor ? { cursor } : {}) } })).json();
      seen.push(...page.items.map((x) => x.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual([late.id, lateDone.id, future.id, undated.id]);

    for (const [query, path] of [[{ status: 'blocked' }, 'querystring.status'], [{ overdue: 'maybe' }, 'querystring.overdue'], [{ cursor: 'garbage!' }, 'cursor']] as const) {
      const res = await t().call('GET', '/api/v1/action-items', { token: me.token, query });
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
    }
    expect((await t().call('GET', '/api/v1/action-items', { token: null })).statusCode).toBe(401);
  });
});
