import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../src/services/events.js';
import { updateUser } from '../../../src/services/users/update-user.js';
import { describeApiOnEachEngine } from '../../support/test-app.js';

describeApiOnEachEngine('incident tasks API', (t) => {
  const openIncident = async (body: Record<string, unknown> = {}, token?: string) =>
    (await t().call('POST', '/api/v1/incidents', { body: { title: 'Credential stuffing on VPN', category: 'account_compromise', ...body }, ...(token ? { token } : {}) })).json();
  const addTask = (incidentId: string, body: Record<string, unknown>, token?: string | null) =>
    t().call('POST', `/api/v1/incidents/${incidentId}/tasks`, { body, ...(token !== undefined ? { token } : {}) });
  const tasksOf = async (incidentId: string) => (await t().call('GET', `/api/v1/incidents/${incidentId}/tasks`)).json().items;
  const patch = (taskId: string, body: Record<string, unknown>, version?: number, token?: string) =>
    t().call('PATCH', `/api/v1/tasks/${taskId}`, { body, ...(version !== undefined ? { headers: { 'if-match': `"${version}"` } } : {}), ...(token ? { token } : {}) });
  const timelineKinds = async (incidentId: string) => (await t().call('GET', `/api/v1/incidents/${incidentId}/timeline`)).json().items.map((e: { kind: string }) => e.kind);

  describe('create', () => {
    it('appends tasks at the end, with defaults, an ETag, a timeline entry, an audit entry and an event', async () => {
      const incident = await openIncident();
      const responder = await t().user('responder', 'Rita Responder');
      const events: DomainEvent[] = [];
      const stop = t().runtime.deps.events.subscribe((e) => events.push(e));
      const first = await addTask(incident.id, { title: '  Reset VPN passwords  ', description: '## Steps\n- all users', phase: 'containment', assignee_id: responder.id, due_at: '2030-01-01T09:00:00+01:00' });
      expect(first.statusCode).toBe(201);
      expect(first.headers.etag).toBe('"1"');
      const task = first.json();
      expect(task).toMatchObject({ incident_id: incident.id, title: 'Reset VPN passwords', phase: 'containment', status: 'todo', position: 1, overdue: false, completed_at: null, version: 1 });
      expect(task.assignee).toEqual({ id: responder.id, name: 'Rita Responder' });
      expect(task.due_at).toBe('2030-01-01T08:00:00.000Z');
      expect(task.id).toMatch(/^tsk_/);
      expect(first.headers.location).toBe(`/api/v1/tasks/${task.id}`);
      const second = (await addTask(incident.id, { title: 'Block attacker IPs', status: 'done' })).json();
      expect(second.position).toBe(2);
      expect(second.completed_at).not.toBeNull();
      expect(second.assignee).toBeNull();

      expect((await tasksOf(incident.id)).map((x: { id: string }) => x.id)).toEqual([task.id, second.id]);
      expect(await timelineKinds(incident.id)).toEqual(['incident_opened', 'task_created', 'task_created']);
      const audit = await t().runtime.deps.database.db.selectFrom('audit_log').select(['action', 'target_id']).where('target_id', '=', task.id).execute();
      expect(audit).toEqual([{ action: 'task.create', target_id: task.id }]);
      await expect.poll(() => events.find((e) => e.type === 'task.created' && e.entity_id === task.id)).toMatchObject({ incident_id: incident.id, restricted: false });
      stop();
    });

    it.each([
      ['an unknown field', { title: 'x', bogus: 1 }, 'body'],
      ['no title', { description: 'x' }, 'body.title'],
      ['a blank title', { title: '   ' }, 'body.title'],
      ['a title over 300 characters', { title: 'x'.repeat(301) }, 'body.title'],
      ['an unknown status', { title: 'x', status: 'blocked' }, 'body.status'],
      ['an unknown phase', { title: 'x', phase: 'panic' }, 'body.phase'],
      ['a due date without offset', { title: 'x', due_at: '2030-01-01T09:00:00' }, 'body.due_at'],
      ['a description over 1,000,000 characters', { title: 'x', description: 'y'.repeat(1_000_001) }, 'body.description'],
      ['an assignee who does not exist', { title: 'x', assignee_id: 'usr_01aaaaaaaaaaaaaaaaaaaaaaaa' }, 'assignee_id'],
    ])('refuses %s with a problem naming the field, and writes nothing', async (_label, body, path) => {
      const incident = await openIncident();
      const res = await addTask(incident.id, body);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
      expect(await tasksOf(incident.id)).toEqual([]);
      expect(await timelineKinds(incident.id)).toEqual(['incident_opened']);
    });

    it('refuses a disabled assignee', async () => {
      const incident = await openIncident();
      const leaver = await t().user('responder');
      await updateUser(t().system, leaver.id, undefined, { disabled: true });
      const res = await addTask(incident.id, { title: 'x', assignee_id: leaver.id });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('assignee_id');
      expect(await tasksOf(incident.id)).toEqual([]);
    });
  });

  describe('authorisation', () => {
    it('needs a token, and task.write to create or edit; read-only roles may list', async () => {
      const incident = await openIncident();
      const task = (await addTask(incident.id, { title: 'Collect logs' })).json();
      expect((await t().call('GET', `/api/v1/incidents/${incident.id}/tasks`, { token: null })).statusCode).toBe(401);
      expect((await addTask(incident.id, { title: 'x' }, null)).statusCode).toBe(401);
      expect((await t().call('PATCH', `/api/v1/tasks/${task.id}`, { token: null, body: { status: 'done' }, headers: { 'if-match': '"1"' } })).statusCode).toBe(401);
      for (const role of ['stakeholder', 'auditor', 'risk_owner'] as const) {
        const user = await t().user(role);
        expect((await addTask(incident.id, { title: 'x' }, user.token)).statusCode, role).toBe(403);
        expect((await patch(task.id, { status: 'done' }, 1, user.token)).statusCode, role).toBe(403);
        expect((await t().call('GET', `/api/v1/incidents/${incident.id}/tasks`, { token: user.token })).statusCode, role).toBe(200);
      }
      for (const role of ['analyst', 'responder', 'incident_manager'] as const) {
        const user = await t().user(role);
        expect((await addTask(incident.id, { title: `by ${role}` }, user.token)).statusCode, role).toBe(201);
      }
      expect((await tasksOf(incident.id)).map((x: { title: string }) => x.title)).toEqual(['Collect logs', 'by analyst', 'by responder', 'by incident_manager']);
      expect((await patch(task.id, {}, 1)).json().status).toBe('todo');
    });

    it('hides the tasks of a restricted incident from non-members (404), including PATCH by task id', async () => {
      const member = await t().user('responder');
      const outsider = await t().user('responder');
      const secret = await openIncident({ title: 'HR investigation', restricted: true }, member.token);
      const task = (await addTask(secret.id, { title: 'Preserve mailbox', assignee_id: member.id }, member.token)).json();
      expect(task.position).toBe(1);
      expect((await t().call('GET', `/api/v1/incidents/${secret.id}/tasks`, { token: outsider.token })).statusCode).toBe(404);
      expect((await addTask(secret.id, { title: 'x' }, outsider.token)).statusCode).toBe(404);
      const hidden = await patch(task.id, { status: 'done' }, 1, outsider.token);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().detail).not.toContain(secret.id);
      expect((await tasksOf(secret.id))[0].status).toBe('todo');
      expect((await patch(task.id, { status: 'in_progress' }, 1, member.token)).statusCode).toBe(200);
    });

    it('refuses to assign a task on a restricted incident to someone who is not a member', async () => {
      const member = await t().user('responder');
      const outsider = await t().user('responder');
      const secret = await openIncident({ restricted: true }, member.token);
      const res = await addTask(secret.id, { title: 'x', assignee_id: outsider.id }, member.token);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('assignee_id');
      expect((await addTask(secret.id, { title: 'for the admin', assignee_id: t().admin.id }, member.token)).statusCode).toBe(201);
    });
  });

  it('answers 404 for unknown incidents and tasks', async () => {
    expect((await addTask('inc_01aaaaaaaaaaaaaaaaaaaaaaaa', { title: 'x' })).statusCode).toBe(404);
    expect((await t().call('GET', '/api/v1/incidents/inc_01aaaaaaaaaaaaaaaaaaaaaaaa/tasks')).statusCode).toBe(404);
    expect((await patch('tsk_01aaaaaaaaaaaaaaaaaaaaaaaa', { status: 'done' }, 1)).statusCode).toBe(404);
  });
});
