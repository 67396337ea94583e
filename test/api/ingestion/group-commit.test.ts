import { expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';
import { alert, alertCount, auditCount, ref, storedAlert } from './ingest-support.js';

describeApiOnEachEngine('single alerts from concurrent senders (group commit)', (t) => {
  it('shares transactions between concurrent single alerts, each keeping its own answer and audit entry', async () => {
    const sender = await t().user('analyst');
    const repeated = alert({ source_ref: ref('twice') });
    const bodies = [repeated, ...Array.from({ length: 28 }, () => alert()), repeated];
    const alertsBefore = await alertCount(t());
    const auditBefore = await auditCount(t(), 'alerts.ingested');

    const answers = await Promise.all(bodies.map((body) => t().call('POST', '/api/v1/alerts', { token: sender.token, body })));

    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, ...Array(29).fill(201)]);
    const first = answers[0]!.json();
    const last = answers[29]!.json();
    expect(new Set([first.outcome, last.outcome])).toEqual(new Set(['created', 'repeated']));
    expect(first.alert_id).toBe(last.alert_id);
    expect((await storedAlert(t(), first.alert_id)).repeat_count).toBe(2);
    expect(await alertCount(t())).toBe(alertsBefore + 29);
    expect(await auditCount(t(), 'alerts.ingested')).toBe(auditBefore + 30);
    // Requests that shared a transaction share its time: fewer commits than requests.
    expect(new Set(answers.map((a) => a.json().at)).size).toBeLessThan(30);
  });

  it('still refuses a bad alert on its own, without holding up or failing the others', async () => {
    const sender = await t().user('analyst');
    const answers = await Promise.all([
      t().call('POST', '/api/v1/alerts', { token: sender.token, body: alert() }),
      t().call('POST', '/api/v1/alerts', { token: sender.token, body: alert({ observables: [{ type: 'ip', value: '300.0.0.1' }] }) }),
      t().call('POST', '/api/v1/alerts', { token: sender.token, body: alert() }),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([201, 400, 201]);
    expect(answers[1]!.json().errors[0].path).toBe('body.observables.0.value');
  });
});
