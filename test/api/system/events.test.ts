import type { AddressInfo } from 'node:net';
import { beforeAll, expect, it } from 'vitest';
import { subscribe, until } from '../../support/event-stream.js';
import { describeApiOnEachEngine } from '../../support/test-app.js';

describeApiOnEachEngine('live events (server-sent)', (t) => {
  let baseUrl = '';
  beforeAll(async () => {
    await t().app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(t().app.server.address() as AddressInfo).port}`;
  });

  it('streams changes to everyone who may see them, and restricted ones only to members', async () => {
    const member = await t().user('responder');
    const outsider = await t().user('stakeholder');
    const memberStream = await subscribe(baseUrl, member.token);
    const outsiderStream = await subscribe(baseUrl, outsider.token);
    try {
      const open = (await t().call('POST', '/api/v1/incidents', { token: member.token, body: { title: 'Visible', category: 'malware' } })).json();
      const secret = (await t().call('POST', '/api/v1/incidents', { token: member.token, body: { title: 'Secret', category: 'insider', restricted: true } })).json();
      await until(() => memberStream.received.some((e) => e.data.incident_id === secret.id) && outsiderStream.received.some((e) => e.data.incident_id === open.id));
      await t().call('POST', `/api/v1/incidents/${open.id}/transitions`, { token: member.token, body: { to: 'containment' } });
      await until(() => outsiderStream.received.some((e) => e.type === 'incident.transitioned'));
      expect(memberStream.received.map((e) => e.type)).toEqual(expect.arrayContaining(['incident.created', 'timeline.entry_added']));
      expect(outsiderStream.received.some((e) => e.data.incident_id === secret.id)).toBe(false);
    } finally {
      memberStream.close();
      outsiderStream.close();
    }
  });

});
