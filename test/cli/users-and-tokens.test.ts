import { expect, it } from 'vitest';
import { totpCode } from '../../src/domain/totp.js';
import { describeCliOnEngines, runCli, type InProcess } from './cli-harness.js';

const PASSWORD = 'correct horse battery staple';

const login = async (api: InProcess, email: string, password: string) =>
  (await api.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } })).statusCode;

const listIncidentsWith = async (api: InProcess, token: string) =>
  (await api.app.inject({ method: 'GET', url: '/api/v1/incidents', headers: { authorization: `Bearer ${token}` } })).statusCode;

const count = async (api: InProcess, table: 'users' | 'api_tokens') =>
  Number((await api.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describeCliOnEngines('bulwark user / token', (target, inProcess) => {
  it('adds users with a given or a generated one-time password that signs in, and lists them', async () => {
    const given = await runCli(target(), ['user', 'add', '--email', 'Rui.Lead@Example.org', '--role', 'incident_manager', '--name', 'Rui Lead', '--password', PASSWORD]);
    expect(given.code, given.stderr).toBe(0);
    expect(given.stdout).toContain('rui.lead@example.org (Rui Lead, incident_manager)');

    const generated = await runCli(target(), ['user', 'add', '--email', 'ana@example.org', '--role', 'responder']);
    expect(generated.code, generated.stderr).toBe(0);
    const oneTimePassword = generated.lines[generated.lines.length - 1]!;
    expect(oneTimePassword).toMatch(/^\S{12,}$/);
    const api = await inProcess();
    expect(await login(api, 'ana@example.org', oneTimePassword)).toBe(200);
    expect(await login(api, 'rui.lead@example.org', PASSWORD)).toBe(200);

    const listed = await runCli(target(), ['user', 'list', '--json']);
    const users = JSON.parse(listed.stdout) as { email: string; role: string }[];
    expect(users.map((u) => [u.email, u.role]).sort()).toEqual([
      ['ana@example.org', 'responder'],
      ['rui.lead@example.org', 'incident_manager'],
    ]);
  });

  it('disables a user, who can no longer sign in and drops off the list, and enables them again', async () => {
    const api = await inProcess();
    const disabled = await runCli(target(), ['user', 'disable', 'ana@example.org']);
    expect(disabled.code, disabled.stderr).toBe(0);
    expect(disabled.stdout).toContain('Disabled ana@example.org');
    expect(await login(api, 'ana@example.org', 'whatever it was')).toBe(401);
    const active = await runCli(target(), ['user', 'list']);
    expect(active.stdout).not.toContain('ana@example.org');
    const all = await runCli(target(), ['user', 'list', '--all']);
    expect(all.stdout).toMatch(/ana@example\.org\s+ana\s+responder\s+disabled/);

    expect((await runCli(target(), ['user', 'enable', 'ana@example.org'])).code).toBe(0);
    expect((await runCli(target(), ['user', 'list'])).stdout).toContain('ana@example.org');
  });

  it('resets a password: the new one signs in, the old one no longer does', async () => {
    const api = await inProcess();
    const reset = await runCli(target(), ['user', 'reset-password', 'rui.lead@example.org', '--password', 'a brand new passphrase']);
    expect(reset.code, reset.stderr).toBe(0);
    expect(await login(api, 'rui.lead@example.org', 'a brand new passphrase')).toBe(200);
    expect(await login(api, 'rui.lead@example.org', PASSWORD)).toBe(401);

    const generated = await runCli(target(), ['user', 'reset-password', 'rui.lead@example.org']);
    expect(generated.code).toBe(0);
    expect(await login(api, 'rui.lead@example.org', generated.lines[generated.lines.length - 1]!)).toBe(200);
  });

  it('resets the second factor of someone who lost their phone: the password alone signs in again', async () => {
    expect((await runCli(target(), ['user', 'add', '--email', 'mo@example.org', '--role', 'analyst', '--password', PASSWORD])).code).toBe(0);
    const api = await inProcess();
    const signedIn = await api.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'mo@example.org', password: PASSWORD } });
    const headers = { cookie: `bulwark_session=${signedIn.cookies.find((c) => c.name === 'bulwark_session')!.value}`, 'x-csrf-token': signedIn.json().csrf_token as string };
    const setup = await api.app.inject({ method: 'POST', url: '/api/v1/me/two-factor/setup', headers, payload: { current_password: PASSWORD } });
    const confirm = await api.app.inject({ method: 'POST', url: '/api/v1/me/two-factor/confirm', headers, payload: { code: totpCode(setup.json().secret, Date.now()) } });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(await login(api, 'mo@example.org', PASSWORD)).toBe(401);
    expect((await runCli(target(), ['user', 'list'])).stdout).toMatch(/mo@example\.org\s+mo\s+analyst\s+active\s+on/);

    const reset = await runCli(target(), ['user', 'reset-two-factor', 'mo@example.org']);
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stdout).toContain('Two-factor sign-in reset for mo@example.org');
    expect(await login(api, 'mo@example.org', PASSWORD)).toBe(200);
    const again = await runCli(target(), ['user', 'reset-two-factor', 'mo@example.org']);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('no second factor');
  });

  it('creates a token whose last output line works against the API, lists it without the secret, and revokes it', async () => {
    const api = await inProcess();
    const created = await runCli(target(), ['token', 'create', '--user', 'rui.lead@example.org', '--name', 'SIEM integration', '--role', 'analyst']);
    expect(created.code, created.stderr).toBe(0);
    const secret = created.lines[created.lines.length - 1]!;
    expect(secret).toMatch(/^bwk_\S+$/);
    expect(await listIncidentsWith(api, secret)).toBe(200);

    const listed = await runCli(target(), ['token', 'list', '--json']);
    expect(listed.stdout).not.toContain(secret);
    const token = (JSON.parse(listed.stdout) as { id: string; name: string; role: string }[]).find((t) => t.name === 'SIEM integration')!;
    expect(token.role).toBe('analyst');

    const revoked = await runCli(target(), ['token', 'revoke', token.id]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain(`Revoked token ${token.id}`);
    expect(await listIncidentsWith(api, secret)).toBe(401);
  });
});

describeCliOnEngines(
  'bulwark user / token refusals',
  (target, inProcess) => {
    it('sets up a user to refuse things to', async () => {
      const added = await runCli(target(), ['user', 'add', '--email', 'ana@example.org', '--role', 'responder', '--password', PASSWORD]);
      expect(added.code, added.stderr).toBe(0);
    });

    it.each([
      ['a malformed e-mail', ['--email', 'not-an-address', '--role', 'responder'], 'email'],
      ['a short password', ['--email', 'short@example.org', '--role', 'responder', '--password', 'short'], 'password'],
      ['an unknown role', ['--email', 'wizard@example.org', '--role', 'wizard'], '--role'],
      ['a missing role', ['--email', 'norole@example.org'], '--role'],
      ['an e-mail already taken', ['--email', 'ANA@example.org', '--role', 'analyst'], 'already exists'],
    ])('refuses a user with %s: exit code 2, naming the field, nobody added', async (_label, args, mentioned) => {
      const before = await count(await inProcess(), 'users');
      const result = await runCli(target(), ['user', 'add', ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(mentioned);
      expect(await count(await inProcess(), 'users')).toBe(before);
    });

    it('answers exit code 3 for an unknown user or token', async () => {
      const user = await runCli(target(), ['user', 'disable', 'nobody@example.org']);
      expect(user.code).toBe(3);
      expect(user.stderr).toContain('nobody@example.org was not found');
      expect((await runCli(target(), ['token', 'revoke', 'tok_01jdxxxxxxxxxxxxxxxxxxxxxx'])).code).toBe(3);
    });

    it.each([
      ['an unknown owner', ['--user', 'ghost@example.org', '--name', 'x'], 3, 'ghost@example.org'],
      ['more rights than the owner', ['--user', 'ana@example.org', '--name', 'x', '--role', 'admin'], 2, 'role'],
      ['an empty name', ['--user', 'ana@example.org', '--name', ' '], 2, 'name'],
      ['a malformed expiry', ['--user', 'ana@example.org', '--name', 'x', '--expires-at', 'tomorrow'], 2, 'expires_at'],
    ])('refuses a token for %s and creates none', async (_label, args, code, mentioned) => {
      const before = await count(await inProcess(), 'api_tokens');
      const result = await runCli(target(), ['token', 'create', ...args]);
      expect(result.code).toBe(code);
      expect(result.stderr).toContain(mentioned);
      expect(await count(await inProcess(), 'api_tokens')).toBe(before);
    });

    it('prints the token record as JSON with --json and still ends with the secret', async () => {
      const created = await runCli(target(), ['token', 'create', '--user', 'ana@example.org', '--name', 'script', '--json']);
      expect(created.code, created.stderr).toBe(0);
      const secret = created.lines.pop()!;
      expect(JSON.parse(created.lines.join('\n'))).toMatchObject({ name: 'script', role: 'responder' });
      expect(await listIncidentsWith(await inProcess(), secret)).toBe(200);
    });
  },
  ['sqlite'],
);
