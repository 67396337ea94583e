import { expect, it } from 'vitest';
import { describeCliOnEngines, openTarget, runCli, type CliTarget } from './cli-harness.js';

const PASSWORD = 'correct horse battery staple';

async function login(target: CliTarget, email: string, password: string): Promise<number> {
  const api = await openTarget(target);
  try {
    const res = await api.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } });
    return res.statusCode;
  } finally {
    await api.close();
  }
}

async function listIncidentsWith(target: CliTarget, token: string): Promise<number> {
  const api = await openTarget(target);
  try {
    return (await api.app.inject({ method: 'GET', url: '/api/v1/incidents', headers: { authorization: `Bearer ${token}` } })).statusCode;
  } finally {
    await api.close();
  }
}

async function users(target: CliTarget, all = false): Promise<{ email: string; role: string; disabled: boolean; id: string }[]> {
  const result = await runCli(target, ['user', 'list', '--json', ...(all ? ['--all'] : [])]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describeCliOnEngines('bulwark user / token', (target) => {
  it('adds users with a given or a generated one-time password that signs in', async () => {
    const given = await runCli(target(), ['user', 'add', '--email', 'Rui.Lead@Example.org', '--role', 'incident_manager', '--name', 'Rui Lead', '--password', PASSWORD]);
    expect(given.code, given.stderr).toBe(0);
    expect(given.stdout).toContain('rui.lead@example.org (Rui Lead, incident_manager)');

    const generated = await runCli(target(), ['user', 'add', '--email', 'ana@example.org', '--role', 'responder']);
    expect(generated.code, generated.stderr).toBe(0);
    const oneTimePassword = generated.lines[generated.lines.length - 1]!;
    expect(oneTimePassword).toMatch(/^\S{12,}$/);
    expect(await login(target(), 'ana@example.org', oneTimePassword)).toBe(200);
    expect(await login(target(), 'rui.lead@example.org', PASSWORD)).toBe(200);

    const listed = await users(target());
    expect(listed.map((u) => [u.email, u.role])).toEqual(expect.arrayContaining([['rui.lead@example.org', 'incident_manager'], ['ana@example.org', 'responder']]));
  });

  it.each([
    ['a malformed e-mail', ['--email', 'not-an-address', '--role', 'responder'], 'email'],
    ['a short password', ['--email', 'short@example.org', '--role', 'responder', '--password', 'short'], 'password'],
    ['an unknown role', ['--email', 'wizard@example.org', '--role', 'wizard'], '--role'],
    ['a missing role', ['--email', 'norole@example.org'], '--role'],
  ])('refuses %s with exit code 2, naming the field, and adds nobody', async (_label, args, field) => {
    const before = await users(target(), true);
    const result = await runCli(target(), ['user', 'add', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(field);
    expect(await users(target(), true)).toHaveLength(before.length);
  });

  it('refuses a second user with the same e-mail', async () => {
    const result = await runCli(target(), ['user', 'add', '--email', 'ana@example.org', '--role', 'analyst']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('already exists');
  });

  it('disables a user (who can no longer sign in) and enables them again', async () => {
    const disabled = await runCli(target(), ['user', 'disable', 'ana@example.org']);
    expect(disabled.code, disabled.stderr).toBe(0);
    expect(disabled.stdout).toContain('Disabled ana@example.org');
    expect((await users(target())).map((u) => u.email)).not.toContain('ana@example.org');
    expect((await users(target(), true)).find((u) => u.email === 'ana@example.org')?.disabled).toBe(true);
    expect(await login(target(), 'rui.lead@example.org', PASSWORD)).toBe(200);
    const human = await runCli(target(), ['user', 'list', '--all']);
    expect(human.stdout).toMatch(/ana@example\.org\s+ana\s+responder\s+disabled/);

    expect((await runCli(target(), ['user', 'enable', 'ana@example.org'])).code).toBe(0);
    expect((await users(target())).map((u) => u.email)).toContain('ana@example.org');
  });

  it('answers exit code 3 for an unknown user', async () => {
    const result = await runCli(target(), ['user', 'disable', 'nobody@example.org']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('nobody@example.org was not found');
  });

  it('resets a password: the new one signs in, the old one no longer does', async () => {
    const reset = await runCli(target(), ['user', 'reset-password', 'rui.lead@example.org', '--password', 'a brand new passphrase']);
    expect(reset.code, reset.stderr).toBe(0);
    expect(await login(target(), 'rui.lead@example.org', 'a brand new passphrase')).toBe(200);
    expect(await login(target(), 'rui.lead@example.org', PASSWORD)).toBe(401);

    const generated = await runCli(target(), ['user', 'reset-password', 'rui.lead@example.org']);
    expect(generated.code).toBe(0);
    expect(await login(target(), 'rui.lead@example.org', generated.lines[generated.lines.length - 1]!)).toBe(200);
  });

  it('creates a token whose last output line works against the API, lists it without the secret, and revokes it', async () => {
    const created = await runCli(target(), ['token', 'create', '--user', 'rui.lead@example.org', '--name', 'SIEM integration', '--role', 'analyst']);
    expect(created.code, created.stderr).toBe(0);
    const secret = created.lines[created.lines.length - 1]!;
    expect(secret).toMatch(/^bwk_\S+$/);
    expect(await listIncidentsWith(target(), secret)).toBe(200);

    const listed = await runCli(target(), ['token', 'list', '--json']);
    expect(listed.stdout).not.toContain(secret);
    const token = (JSON.parse(listed.stdout) as { id: string; name: string; role: string }[]).find((t) => t.name === 'SIEM integration')!;
    expect(token.role).toBe('analyst');

    const revoked = await runCli(target(), ['token', 'revoke', token.id]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain(`Revoked token ${token.id}`);
    expect(await listIncidentsWith(target(), secret)).toBe(401);
  });

  it('prints the token record as JSON with --json and still ends with the secret', async () => {
    const created = await runCli(target(), ['token', 'create', '--user', 'ana@example.org', '--name', 'script', '--json']);
    expect(created.code, created.stderr).toBe(0);
    const secret = created.lines.pop()!;
    expect(JSON.parse(created.lines.join('\n'))).toMatchObject({ name: 'script', role: 'responder' });
    expect(await listIncidentsWith(target(), secret)).toBe(200);
  });

  it.each([
    ['an unknown owner', ['--user', 'ghost@example.org', '--name', 'x'], 3, 'ghost@example.org'],
    ['more rights than the owner', ['--user', 'ana@example.org', '--name', 'x', '--role', 'admin'], 2, 'role'],
    ['an empty name', ['--user', 'ana@example.org', '--name', ' '], 2, 'name'],
    ['a malformed expiry', ['--user', 'ana@example.org', '--name', 'x', '--expires-at', 'tomorrow'], 2, 'expires_at'],
  ])('refuses a token for %s and creates none', async (_label, args, code, mentioned) => {
    const before = JSON.parse((await runCli(target(), ['token', 'list', '--json'])).stdout).length;
    const result = await runCli(target(), ['token', 'create', ...args]);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(mentioned);
    expect(JSON.parse((await runCli(target(), ['token', 'list', '--json'])).stdout)).toHaveLength(before);
  });

  it('answers exit code 3 when revoking an unknown token', async () => {
    const result = await runCli(target(), ['token', 'revoke', 'tok_01jdxxxxxxxxxxxxxxxxxxxxxx']);
    expect(result.code).toBe(3);
  });
});
