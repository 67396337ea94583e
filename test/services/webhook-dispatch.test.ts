import { afterAll, beforeAll, expect, it, onTestFinished } from 'vitest';
import { fixedClock } from '../../src/domain/time.js';
import { WEBHOOK_TOPIC_PREFIX } from '../../src/domain/webhooks.js';
import { systemActor, type ServiceContext } from '../../src/services/context.js';
import { startRuntime, type Runtime } from '../../src/services/runtime.js';
import { createWebhook } from '../../src/services/webhooks/create-webhook.js';
import { dispatchDueWebhooks } from '../../src/services/webhooks/dispatch-webhooks.js';
import { listWebhookDeliveries } from '../../src/services/webhooks/list-webhook-deliveries.js';
import { pruneWebhookLog } from '../../src/services/webhooks/prune-webhook-log.js';
import { pingWebhook } from '../../src/services/webhooks/redeliver-webhook.js';
import { updateWebhook } from '../../src/services/webhooks/update-webhook.js';
import { claimDueMessages } from '../../src/store/repositories/webhook-outbox.js';
import { startReceiver } from '../api/webhooks/receiver.js';
import { describeEachEngine } from '../support/engines.js';

const clock = fixedClock('2026-11-23T09:00:00.000Z');
const SECOND = 1000;

describeEachEngine('webhook dispatcher', (database, engine) => {
  let runtime: Runtime;
  let ctx: ServiceContext;
  beforeAll(async () => {
    runtime = await startRuntime({ sqliteFile: '', database: database(), clock });
    ctx = { ...runtime.deps, actor: systemActor(runtime.organisationId) };
  });
  afterAll(async () => {
    await (runtime.deps.events as { stop?: () => Promise<void> }).stop?.();
  });

  const hookFor = async (url: string) => (await createWebhook(ctx, { name: 'Receiver', url, event_types: ['*'] })).webhook;
  const receiver = async () => {
    const started = await startReceiver();
    onTestFinished(() => started.close());
    return started;
  };
  const log = async (id: string) => (await listWebhookDeliveries(ctx, id, { limit: 50 })).items;

  it('waits out the backoff: nothing is sent before the next attempt is due', async () => {
    const r = await receiver();
    const hook = await hookFor(r.url);
    await pingWebhook(ctx, hook.id);
    r.answer(502);
    await dispatchDueWebhooks(runtime.deps, { random: () => 0.5 });
    const [first] = await log(hook.id);
    // First step of the default policy: 30 s, of which half is fixed and half jittered (0.5 → 22.5 s).
    expect(first!.next_attempt_at).toBe(new Date(Date.parse(clock.now()) + 22.5 * SECOND).toISOString());
    clock.advance(20 * SECOND);
    await dispatchDueWebhooks(runtime.deps);
    expect(r.received).toHaveLength(1);
    clock.advance(3 * SECOND);
    await dispatchDueWebhooks(runtime.deps);
    expect(r.received).toHaveLength(2);
    expect((await log(hook.id))[0]).toMatchObject({ state: 'delivered', attempt_count: 2 });
  });

  it('sends again a message claimed by a node that died before recording the answer, once its lease ends', async () => {
    const r = await receiver();
    const hook = await hookFor(r.url);
    await pingWebhook(ctx, hook.id);
    const now = clock.now();
    const claimed = await claimDueMessages(runtime.deps.database.db, engine, { prefix: WEBHOOK_TOPIC_PREFIX, now, leaseUntil: new Date(Date.parse(now) + 120 * SECOND).toISOString(), limit: 100 });
    expect(claimed.map((m) => m.topic)).toContain(`webhook:${hook.id}`);
    await dispatchDueWebhooks(runtime.deps);
    expect(r.received).toHaveLength(0);
    clock.advance(121 * SECOND);
    await dispatchDueWebhooks(runtime.deps);
    expect(r.received.map((x) => x.headers['x-bulwark-attempt'])).toEqual(['2']);
  });

  it('holds a paused webhook’s queued deliveries without spending attempts, and sends them on resume', async () => {
    const r = await receiver();
    const hook = await hookFor(r.url);
    await pingWebhook(ctx, hook.id);
    const paused = await updateWebhook(ctx, hook.id, 1, { enabled: false });
    expect(await dispatchDueWebhooks(runtime.deps)).toMatchObject({ paused: 1 });
    expect(r.received).toHaveLength(0);
    expect((await log(hook.id))[0]).toMatchObject({ state: 'pending', attempt_count: 0 });
    await updateWebhook(ctx, hook.id, paused.version, { enabled: true });
    clock.advance(61 * SECOND);
    await dispatchDueWebhooks(runtime.deps);
    expect(r.received.map((x) => x.headers['x-bulwark-attempt'])).toEqual(['1']);
  });

  it('never sends one delivery twice when two dispatchers run at once', async () => {
    const r = await receiver();
    const hook = await hookFor(r.url);
    for (let i = 0; i < 30; i += 1) await pingWebhook(ctx, hook.id);
    await Promise.all([dispatchDueWebhooks(runtime.deps, { batchSize: 5 }), dispatchDueWebhooks(runtime.deps, { batchSize: 5 })]);
    const ids = r.received.map((x) => String(x.headers['x-bulwark-delivery']));
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    expect((await log(hook.id)).every((d) => d.state === 'delivered' && d.attempt_count === 1)).toBe(true);
  });

  it('prunes deliveries finished more than 30 days ago, keeps recent and pending ones (however old), and audits it', async () => {
    const r = await receiver();
    const hook = await hookFor(r.url);
    const waiting = await hookFor(r.url);
    await pingWebhook(ctx, hook.id);
    await pingWebhook(ctx, waiting.id);
    await updateWebhook(ctx, waiting.id, 1, { enabled: false });
    await dispatchDueWebhooks(runtime.deps);
    clock.advance(31 * 24 * 3600 * SECOND);
    await pingWebhook(ctx, hook.id);
    await dispatchDueWebhooks(runtime.deps);
    const before = await log(hook.id);
    expect(before.map((d) => d.state)).toEqual(['delivered', 'delivered']);
    const { deliveries } = await pruneWebhookLog(ctx);
    expect(deliveries).toBeGreaterThanOrEqual(1);
    expect((await log(hook.id)).map((d) => d.id)).toEqual([before[0]!.id]);
    const orphans = await runtime.deps.database.db.selectFrom('webhook_deliveries').select('id').where('outbox_id', '=', before[1]!.id).execute();
    expect(orphans).toEqual([]);
    const audit = await runtime.deps.database.db.selectFrom('audit_log').select('details').where('action', '=', 'webhook.log_pruned').execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
    expect((await log(waiting.id)).map((d) => d.state)).toEqual(['pending']);
    expect((await pruneWebhookLog(ctx)).deliveries).toBe(0);
  });
});
