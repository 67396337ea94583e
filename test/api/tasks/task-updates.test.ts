import { expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';

describeApiOnEachEngine('task updates API', (t) => {
  const openIncident = async () => (await t().call('POST', '/api/v1/incidents', { body: { title: 'Malware on laptop L-042', category: 'malware' } })).json();
  const addTask = async (incidentId: string, body: Record<string, unknown>) => (await t().call('POST', `/api/v1/incidents/${incidentId}/tasks`, { body })).json();
  const patch = (taskId: string, body: Record<string, unknown>, headers: Record<string, string> = {}) => t().call('PATCH', `/api/v1/tasks/${taskId}`, { body, headers });
  const order = async (incidentId: string) =>
    (await t().call('GET', `/api/v1/incidents/${incidentId}/tasks`)).json().items.map((x: { title: string; position: number }) => `${x.position}:${x.title}`);

  it('applies an edit at the current version, answers 412 with current_version when stale, 428 without a version', async () => {
    const incident = await openIncident();
    const task = await addTask(incident.id, { title: 'Isolate host' });
    const first = await patch(task.id, { title: 'Isolate host L-042', due_at: '2020-01-01T00:00:00Z' }, { 'if-match': '"1"' });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    expect(first.json()).toMatchObject({ title: 'Isolate host L-042', version: 2, overdue: true, due_at: '2020-01-01T00:00:00.000Z' });
    const stale = await patch(task.id, { title: 'Lost update' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current_version).toBe(2);
    expect((await patch(task.id, { title: 'No version' })).statusCode).toBe(428);
    const badEtag = await patch(task.id, { title: 'x' }, { 'if-match': 'yesterday' });
    expect(badEtag.statusCode).toBe(400);
    expect(badEtag.json().errors[0].path).toBe('headers.if-match');
    expect((await patch(task.id, { status: 'in_progress', version: 2 })).json().version).toBe(3);
    expect(await order(incident.id)).toEqual(['1:Isolate host L-042']);
  });

  it('stamps completed_at when done, clears it when reopened, and no longer calls a done task overdue', async () => {
    const incident = await openIncident();
    const task = await addTask(incident.id, { title: 'Reimage', due_at: '2020-01-01T00:00:00Z' });
    expect(task.overdue).toBe(true);
    const done = (await patch(task.id, { status: 'done', version: 1 })).json();
    expect(done.completed_at).not.toBeNull();
    expect(done.overdue).toBe(false);
    const reopened = (await patch(task.id, { status: 'todo', version: 2 })).json();
    expect(reopened.completed_at).toBeNull();
    expect(reopened.overdue).toBe(true);
    const cleared = (await patch(task.id, { due_at: null, assignee_id: null, phase: null, version: 3 })).json();
    expect(cleared).toMatchObject({ due_at: null, overdue: false, version: 4 });
  });

  it('reorders by position, keeping positions dense and unique; past the end means the end', async () => {
    const incident = await openIncident();
    const tasks = [];
    for (const title of ['A', 'B', 'C', 'D']) tasks.push(await addTask(incident.id, { title }));
    expect(await order(incident.id)).toEqual(['1:A', '2:B', '3:C', '4:D']);
    expect((await patch(tasks[3].id, { position: 1, version: 1 })).json().position).toBe(1);
    expect(await order(incident.id)).toEqual(['1:D', '2:A', '3:B', '4:C']);
    await patch(tasks[0].id, { position: 3, version: 1 });
    expect(await order(incident.id)).toEqual(['1:D', '2:B', '3:A', '4:C']);
    expect((await patch(tasks[3].id, { position: 99, version: 2 })).json().position).toBe(4);
    expect(await order(incident.id)).toEqual(['1:B', '2:A', '3:C', '4:D']);
    const zero = await patch(tasks[1].id, { position: 0, version: 1 });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().errors[0].path).toBe('body.position');
  });

  it('records each change on the timeline and in the audit log, and leaves no trace for an edit that changes nothing', async () => {
    const incident = await openIncident();
    const task = await addTask(incident.id, { title: 'Notify DPO', description: 'short' });
    const unchanged = await patch(task.id, { title: 'Notify DPO', status: 'todo' }, { 'if-match': '"1"' });
    expect(unchanged.json().version).toBe(1);
    await patch(task.id, { status: 'done', description: 'longer text' }, { 'if-match': '"1"' });
    const timeline = (await t().call('GET', `/api/v1/incidents/${incident.id}/timeline`)).json().items;
    expect(timeline.map((e: { kind: string }) => e.kind)).toEqual(['incident_opened', 'task_created', 'task_updated']);
    const entry = timeline[2];
    expect(entry.details.task_id).toBe(task.id);
    expect(entry.details.changes.status).toEqual({ from: 'todo', to: 'done' });
    expect(entry.details.changes.description).toEqual({ from: { length: 5 }, to: { length: 11 } });
    expect(entry.actor).toEqual({ id: t().admin.id, name: 'Ada Admin' });
    const audit = await t().runtime.deps.database.db.selectFrom('audit_log').select('action').where('target_id', '=', task.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['task.create', 'task.update']);
  });

  it.each([
    ['an unknown field', { bogus: 1 }, 'body'],
    ['a blank title', { title: ' ' }, 'body.title'],
    ['an unknown status', { status: 'paused' }, 'body.status'],
    ['a disabled or unknown assignee', { assignee_id: 'usr_01aaaaaaaaaaaaaaaaaaaaaaaa' }, 'assignee_id'],
    ['a due date that is not a date', { due_at: 'tomorrow' }, 'body.due_at'],
  ])('refuses %s, naming the field, and changes nothing', async (_label, body, path) => {
    const incident = await openIncident();
    const task = await addTask(incident.id, { title: 'Keep me' });
    const res = await patch(task.id, body, { 'if-match': '"1"' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
    const now = (await t().call('GET', `/api/v1/incidents/${incident.id}/tasks`)).json().items[0];
    expect(now).toMatchObject({ title: 'Keep me', status: 'todo', version: 1, assignee: null });
  });
});
