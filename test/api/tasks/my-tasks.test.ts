import { expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';

describeApiOnEachEngine('my tasks API', (t) => {
  const openIncident = async (body: Record<string, unknown>, token: string) =>
    (await t().call('POST', '/api/v1/incidents', { token, body: { category: 'phishing', ...body } })).json();
  const addTask = async (incidentId: string, body: Record<string, unknown>, token: string) =>
    (await t().call('POST', `/api/v1/incidents/${incidentId}/tasks`, { token, body })).json();
  const list = async (token: string, query: Record<string, string> = {}) => t().call('GET', '/api/v1/tasks', { token, query });

  it('lists my tasks across incidents, soonest due first and undated last, with the incident they belong to', async () => {
    const me = await t().user('responder');
    const other = await t().user('responder');
    const a = await openIncident({ title: 'Phish wave A' }, me.token);
    const b = await openIncident({ title: 'Phish wave B' }, me.token);
    const undated = await addTask(a.id, { title: 'Undated', assignee_id: me.id }, me.token);
    const later = await addTask(b.id, { title: 'Later', assignee_id: me.id, due_at: '2031-01-01T00:00:00Z' }, me.token);
    const sooner = await addTask(a.id, { title: 'Sooner', assignee_id: me.id, due_at: '2030-06-01T00:00:00Z' }, me.token);
    await addTask(a.id, { title: 'Not mine', assignee_id: other.id }, me.token);

    const page = (await list(me.token, { assignee: 'me' })).json();
    expect(page.items.map((x: { id: string }) => x.id)).toEqual([sooner.id, later.id, undated.id]);
    expect(page.items[1].incident).toEqual({ id: b.id, number: b.number, title: 'Phish wave B' });
    expect(page.next_cursor).toBeNull();
    const byId = (await list(me.token, { assignee: other.id })).json();
    expect(byId.items.map((x: { title: string }) => x.title)).toEqual(['Not mine']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = { assignee: 'me', limit: '1', ...(cursor ? { cursor } : {}) };
      const next = (await list(me.token, query)).json();
      seen.push(...next.items.map((x: { id: string }) => x.id));
      cursor = next.next_cursor;
    } while (cursor);
    expect(seen).toEqual([sooner.id, later.id, undated.id]);
  });

  it('filters by status and by overdue', async () => {
    const me = await t().user('analyst');
    const incident = await openIncident({ title: 'Overdue work' }, me.token);
    const late = await addTask(incident.id, { title: 'Late', assignee_id: me.id, due_at: '2020-01-01T00:00:00Z' }, me.token);
    const lateButDone = await addTask(incident.id, { title: 'Late but done', assignee_id: me.id, due_at: '2020-01-01T00:00:00Z', status: 'done' }, me.token);
    const future = await addTask(incident.id, { title: 'Future', assignee_id: me.id, due_at: '2035-01-01T00:00:00Z', status: 'in_progress' }, me.token);
    const undated = await addTask(incident.id, { title: 'Undated', assignee_id: me.id }, me.token);
    const ids = async (query: Record<string, string>) => (await list(me.token, { assignee: 'me', ...query })).json().items.map((x: { id: string }) => x.id);
    expect(await ids({ overdue: 'true' })).toEqual([late.id]);
    expect(await ids({ overdue: 'false' })).toEqual([lateButDone.id, future.id, undated.id]);
    expect(await ids({ status: 'in_progress,done' })).toEqual([lateButDone.id, future.id]);
    expect((await list(me.token, { assignee: 'me', overdue: 'true' })).json().items[0].overdue).toBe(true);
  });

  it('leaves out tasks of restricted incidents the caller is not a member of', async () => {
    const member = await t().user('responder');
    const outsider = await t().user('incident_manager');
    const secret = await openIncident({ title: 'Insider', restricted: true }, member.token);
    const task = await addTask(secret.id, { title: 'Secret task', assignee_id: member.id }, member.token);
    const visible = async (token: string) => (await list(token, { limit: '200' })).json().items.map((x: { id: string }) => x.id);
    expect(await visible(member.token)).toContain(task.id);
    expect(await visible(t().admin.token)).toContain(task.id);
    expect(await visible(outsider.token)).not.toContain(task.id);
    expect((await list(outsider.token, { assignee: member.id })).json().items).toEqual([]);
  });

  it('refuses bad queries and callers without a token', async () => {
    const me = await t().user('stakeholder');
    expect((await list(me.token)).statusCode).toBe(200);
    expect((await t().call('GET', '/api/v1/tasks', { token: null })).statusCode).toBe(401);
    for (const [query, path] of [[{ status: 'blocked' }, 'querystring.status'], [{ overdue: 'maybe' }, 'querystring.overdue'], [{ limit: '500' }, 'querystring.limit'], [{ cursor: 'garbage!' }, 'cursor']] as const) {
      const res = await list(me.token, query);
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
    }
  });
});
