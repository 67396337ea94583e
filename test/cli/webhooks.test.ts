import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../src/domain/webhooks.js';
import { systemActor } from '../../src/services/context.js';
import { createIncident } from '../../src/services/incidents/create-incident.js';
import { startReceiver } from '../api/webhooks/receiver.js';
import { describeCliOnEngines, runCli } from './cli-harness.js';

describeCliOnEngines('bulwark webhook', (target, inProcess) => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });

  it('creates a webhook whose printed secret signs the deliveries that dispatch sends, lists and deletes it', async () => {
    const created = await runCli(target(), ['webhook', 'create', '--name', 'SOAR', '--url', receiver.url, '--events', 'incident.created,task.*']);
    expect(created.code, created.stderr).toBe(0);
    const secret = created.lines.at(-1)!;
    expect(secret).toMatch(/^whsec_/);
    const id = /webhook (whk_\w+)/.exec(created.stdout)![1]!;

    const listed = await runCli(target(), ['webhook', 'list']);
    expect(listed.stdout).toMatch(new RegExp(`${id}\\s+SOAR\\s+active\\s+incident.created,task.\\*`));
    expect(listed.stdout).not.toContain(secret);

    const api = await inProcess();
    await createIncident({ ...api.runtime.deps, actor: systemActor(api.runtime.organisationId) }, { title: 'From the CLI test', category: 'malware' });

    const dispatched = await runCli(target(), ['webhook', 'dispatch']);
    expect(dispatched.code, dispatched.stderr).toBe(0);
    expect(dispatched.stdout).toContain('Delivered 1');
    const [request] = receiver.received;
    expect(request!.json).toMatchObject({ type: 'incident.created', incident: { title: 'From the CLI test' } });
    expect(verifyWebhookSignature({ secret, timestamp: String(request!.headers['x-bulwark-timestamp']), body: request!.body, signature: String(request!.headers['x-bulwark-signature']), nowSeconds: Math.floor(Date.now() / 1000) })).toBe(true);

    expect((await runCli(target(), ['webhook', 'delete', id])).code).toBe(0);
    expect((await runCli(target(), ['webhook', 'list'])).stdout).toContain('No webhooks yet.');
    expect((await runCli(target(), ['webhook', 'delete', id])).code).toBe(3);
  }, 120_000);

  it('refuses unknown event types and bad URLs, naming the field, and creates nothing', async () => {
    const bad = await runCli(target(), ['webhook', 'create', '--name', 'Bad', '--url', 'ftp://x.example/', '--events', 'incident.created,incident.exploded']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('url');
    expect(bad.stderr).toContain('event_types.1');
    expect((await runCli(target(), ['webhook', 'list'])).stdout).toContain('No webhooks yet.');
  }, 60_000);
});
