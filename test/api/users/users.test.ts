import { describe, expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';
import { signIn } from '../session/sign-in.js';

describeApiOnEachEngine('users API', (t) => {
  const listAll = async () => (await t().call('GET', '/api/v1/users', { query: { include_disabled: 'true' } })).json().items as Array<{ id: string; email: string; version: number; role: string; disabled: boolean }>;
  const versionOf = async (id: string) => (await listAll()).find((u) => u.id === id)!.version;
  const create = (body: Record<string, unknown>, token?: string) => t().call('POST', '/api/v1/users', { body, ...(token ? { token } : {}) });
  const uniqueEmail = () => `person-${Math.random().toString(36).slice(2, 9)}@Example.TEST`;

  describe('list', () => {
    it('lets anyone signed in list people, without password hashes, and hides disabled users unless asked', async () => {
      const stakeholder = await t().user('stakeholder');
      const disabled = await t().user('analyst');
      await t().call('PATCH', `/api/v1/users/${disabled.id}`, { body: { disabled: true, version: await versionOf(disabled.id) } });
      const res = await t().call('GET', '/api/v1/users', { token: stakeholder.token });
      expect(res.statusCode).toBe(200);
      const ids = res.json().items.map((u: { id: string }) => u.id);
      expect(ids).toContain(stakeholder.id);
      expect(ids).not.toContain(disabled.id);
      expect(res.body).not.toContain('argon2');
      expect(Object.keys(res.json().items[0]).sort()).toEqual(['created_at', 'disabled', 'email', 'id', 'last_login_at', 'name', 'role', 'two_factor_enabled', 'version']);
      const all = await t().call('GET', '/api/v1/users?include_disabled=true', { token: stakeholder.token });
      expect(all.json().items.find((u: { id: string }) => u.id === disabled.id).disabled).toBe(true);
      expect((await t().call('GET', '/api/v1/users', { token: null })).statusCode).toBe(401);
      expect((await t().call('GET', '/api/v1/users?include_disabled=yes')).statusCode).toBe(400);
    });
  });

  describe('create', () => {
    it('adds a user with a lower-cased e-mail and a one-time password shown once, who can then sign in', async () => {
      const email = uniqueEmail();
      const res = await create({ email, name: 'Omar Analyst', role: 'analyst' });
      expect(res.statusCode).toBe(201);
      const { user, one_time_password } = res.json();
      expect(user).toMatchObject({ email: email.toLowerCase(), name: 'Omar Analyst', role: 'analyst', disabled: false, last_login_at: null, version: 1 });
      expect(user.id).toMatch(/^usr_/);
      expect(one_time_password).toMatch(/^[A-Za-z0-9]{20}$/);
      await signIn(t(), email, one_time_password);
    });

    it('answers no one-time password when a password is given, and uses it', async () => {
      const email = uniqueEmail();
      const res = await create({ email, role: 'responder', password: 'a long enough password' });
      expect(res.json().one_time_password).toBeNull();
      expect(res.json().user.name).toBe(email.split('@')[0]!.toLowerCase());
      await signIn(t(), email, 'a long enough password');
    });

    it('refuses an e-mail that exists in another letter case (409) and writes nothing', async () => {
      const email = uniqueEmail();
      expect((await create({ email, role: 'analyst' })).statusCode).toBe(201);
      const before = (await listAll()).length;
      const again = await create({ email: email.toUpperCase(), role: 'responder' });
      expect(again.statusCode).toBe(409);
      expect(again.headers['content-type']).toContain('application/problem+json');
      expect((await listAll()).length).toBe(before);
    });

    it.each([
      ['an invalid e-mail', { email: 'not-an-address', role: 'analyst' }, 'body.email'],
      ['a password under 12 characters', { email: 'short@example.test', role: 'analyst', password: 'elevenchars' }, 'body.password'],
      ['an unknown role', { email: 'role@example.test', role: 'superuser' }, 'body.role'],
      ['a missing role', { email: 'norole@example.test' }, 'body.role'],
      ['an empty name', { email: 'noname@example.test', role: 'analyst', name: '  ' }, 'body.name'],
      ['an unknown field', { email: 'extra@example.test', role: 'analyst', is_admin: true }, 'body'],
    ])('refuses %s with a problem naming the field, and creates nobody', async (_label, body, path) => {
      const before = (await listAll()).length;
      const res = await create(body);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
      expect((await listAll()).length).toBe(before);
    });

    it('is for administrators only', async () => {
      for (const role of ['incident_manager', 'responder', 'analyst', 'risk_owner', 'stakeholder', 'auditor'] as const) {
        const caller = await t().user(role);
        expect((await create({ email: uniqueEmail(), role: 'analyst' }, caller.token)).statusCode, role).toBe(403);
      }
      expect((await t().call('POST', '/api/v1/users', { token: null, body: { email: uniqueEmail(), role: 'analyst' } })).statusCode).toBe(401);
    });
  });

  describe('update', () => {
    it('changes name and role at the current version, and refuses a stale version with 412', async () => {
      const person = await t().user('responder');
      const version = await versionOf(person.id);
      const res = await t().call('PATCH', `/api/v1/users/${person.id}`, { body: { name: 'Renamed Person', role: 'stakeholder' }, headers: { 'if-match': `"${version}"` } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ name: 'Renamed Person', role: 'stakeholder', version: version + 1 });
      expect(res.headers.etag).toBe(`"${version + 1}"`);
      const stale = await t().call('PATCH', `/api/v1/users/${person.id}`, { body: { role: 'admin' }, headers: { 'if-match': `"${version}"` } });
      expect(stale.statusCode).toBe(412);
      expect(stale.json().current_version).toBe(version + 1);
      expect((await listAll()).find((u) => u.id === person.id)!.role).toBe('stakeholder');
      // The person's token shrinks with them: a stakeholder cannot open incidents.
      expect((await t().call('POST', '/api/v1/incidents', { token: person.token, body: { title: 'x', category: 'other' } })).statusCode).toBe(403);
    });

    it('writes nothing when nothing changes', async () => {
      const person = await t().user('responder', 'Same Name');
      const version = await versionOf(person.id);
      const auditBefore = (await t().call('GET', '/api/v1/audit', { query: { target_id: person.id } })).json().items.length;
      const res = await t().call('PATCH', `/api/v1/users/${person.id}`, { body: { name: 'Same Name', role: 'responder', disabled: false, version } });
      expect(res.statusCode).toBe(200);
      expect(res.json().version).toBe(version);
      expect((await t().call('GET', '/api/v1/audit', { query: { target_id: person.id } })).json().items.length).toBe(auditBefore);
    });

    it('asks for a version (428), rejects a malformed If-Match (400) and unknown users (404)', async () => {
      const person = await t().user('analyst');
      expect((await t().call('PATCH', `/api/v1/users/${person.id}`, { body: { name: 'No version' } })).statusCode).toBe(428);
      const malformed = await t().call('PATCH', `/api/v1/users/${person.id}`, { body: { name: 'Bad' }, headers: { 'if-match': 'yesterday' } });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().errors[0].path).toBe('headers.if-match');
      expect((await t().call('PATCH', '/api/v1/users/usr_01aaaaaaaaaaaaaaaaaaaaaaaa', { body: { name: 'Ghost' }, headers: { 'if-match': '"1"' } })).statusCode).toBe(404);
    });

    it.each([
      ['an unknown role', { role: 'root' }, 'body.role'],
      ['an empty name', { name: '' }, 'body.name'],
      ['a non-boolean disabled', { disabled: 'yes' }, 'body.disabled'],
      ['an unknown field', { email: 'new@example.test' }, 'body'],
    ])('refuses %s with a problem naming the field, and changes nothing', async (_label, body, path) => {
      const person = await t().user('analyst');
      const version = await versionOf(person.id);
      const res = await t().call('PATCH', `/api/v1/users/${person.id}`, { body, headers: { 'if-match': `"${version}"` } });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path).join(' ')).toContain(path);
      expect(await versionOf(person.id)).toBe(version);
    });

    it('disabling ends the user’s sessions and stops their API tokens', async () => {
      const person = await t().user('responder');
      const session = await signIn(t(), person.email);
      const res = await t().call('PATCH', `/api/v1/users/${person.id}`, { body: { disabled: true, version: await versionOf(person.id) } });
      expect(res.json().disabled).toBe(true);
      expect((await t().call('GET', '/api/v1/incidents', { token: person.token })).statusCode).toBe(401);
      expect((await t().call('GET', '/api/v1/session', { token: null, headers: session.headers() })).statusCode).toBe(401);
      const enabled = await t().call('PATCH', `/api/v1/users/${person.id}`, { body: { disabled: false, version: await versionOf(person.id) } });
      expect(enabled.json().disabled).toBe(false);
      expect((await t().call('GET', '/api/v1/session', { token: null, headers: session.headers() })).statusCode).toBe(401);
    });

    it('is for administrators only', async () => {
      const person = await t().user('analyst');
      for (const role of ['incident_manager', 'responder', 'auditor'] as const) {
        const caller = await t().user(role);
        const res = await t().call('PATCH', `/api/v1/users/${person.id}`, { token: caller.token, body: { role: 'admin' }, headers: { 'if-match': '"1"' } });
        expect(res.statusCode, role).toBe(403);
      }
      expect((await t().call('PATCH', `/api/v1/users/${person.id}`, { token: null, body: { role: 'admin' }, headers: { 'if-match': '"1"' } })).statusCode).toBe(401);
      expect((await listAll()).find((u) => u.id === person.id)!.role).toBe('analyst');
    });
  });
});
