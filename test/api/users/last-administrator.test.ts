import { expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';

describeApiOnEachEngine('the last active administrator', (t) => {
  const userOf = async (id: string, token = t().admin.token) =>
    (await t().call('GET', '/api/v1/users?include_disabled=true', { token })).json().items.find((u: { id: string }) => u.id === id);
  const patch = async (id: string, body: Record<string, unknown>, token = t().admin.token) =>
    t().call('PATCH', `/api/v1/users/${id}`, { body: { ...body, version: (await userOf(id, token)).version }, token });

  it('can be neither demoted nor disabled, while another administrator can', async () => {
    const ada = t().admin;
    const before = await userOf(ada.id);
    const demote = await patch(ada.id, { role: 'responder' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().detail).toContain('last active administrator');
    expect((await patch(ada.id, { disabled: true })).statusCode).toBe(409);
    expect(await userOf(ada.id)).toEqual(before);

    const ben = await t().user('admin', 'Ben Admin');
    const demoted = await patch(ben.id, { role: 'incident_manager' });
    expect(demoted.statusCode).toBe(200);
    expect(demoted.json().role).toBe('incident_manager');

    expect((await patch(ben.id, { role: 'admin' })).statusCode).toBe(200);
    const disabled = await patch(ada.id, { disabled: true }, ben.token);
    expect(disabled.statusCode).toBe(200);
    expect((await t().call('GET', '/api/v1/users', { token: ada.token })).statusCode).toBe(401);

    // Ada is disabled, so Ben is now the last active administrator.
    expect((await patch(ben.id, { role: 'analyst' }, ben.token)).statusCode).toBe(409);
    expect((await patch(ben.id, { disabled: true }, ben.token)).statusCode).toBe(409);
    expect((await userOf(ben.id, ben.token)).role).toBe('admin');
  });
});
