import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor, type ServiceContext } from '../../src/services/context.js';
import { createIncident } from '../../src/services/incidents/create-incident.js';
import { updateIncident } from '../../src/services/incidents/update-incident.js';
import { startRuntime, type Runtime } from '../../src/services/runtime.js';
import { verifyChains } from '../../src/services/verify-chains.js';
import { addUser } from '../../src/services/users/add-user.js';
import { describeEachEngine } from '../support/engines.js';

describeEachEngine('concurrent writers', (database) => {
  let runtime: Runtime;
  let ctx: ServiceContext;
  beforeAll(async () => {
    runtime = await startRuntime({ sqliteFile: '', database: database() });
    ctx = { ...runtime.deps, actor: systemActor(runtime.organisationId) };
  });
  afterAll(async () => {
    await (runtime.deps.events as { stop?: () => Promise<void> }).stop?.();
  });

  it('gives every incident opened at once its own number and keeps the audit chain unforked', async () => {
    const opened = await Promise.all(Array.from({ length: 20 }, (_, i) => createIncident(ctx, { title: `Burst ${i}`, category: 'malware' })));
    const numbers = opened.map((o) => o.incident.number);
    expect(new Set(numbers).size).toBe(20);
    const reports = await verifyChains(database());
    expect(reports.filter((r) => r.broken)).toEqual([]);
    expect(reports.find((r) => r.chain.startsWith('audit_log'))!.links).toBeGreaterThanOrEqual(20);
  });

  it('lets exactly one of two simultaneous edits at the same version win; the other is refused as stale', async () => {
    const { incident } = await createIncident(ctx, { title: 'Race', category: 'phishing' });
    const results = await Promise.allSettled([
      updateIncident(ctx, incident.id, 1, { title: 'Edit by Sofia' }),
      updateIncident(ctx, incident.id, 1, { title: 'Edit by Malik' }),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason.kind).toBe('precondition_failed');
    const reports = await verifyChains(database());
    expect(reports.filter((r) => r.broken)).toEqual([]);
  });

  it('answers a 409, not a 500, when two people create the same account at the same moment', async () => {
    const results = await Promise.allSettled([
      addUser(ctx, { email: 'twin@example.test', role: 'responder', password: 'correct horse battery staple' }),
      addUser(ctx, { email: 'TWIN@example.test', role: 'analyst', password: 'correct horse battery staple' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const loser = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(loser?.reason.kind).toBe('conflict');
  });
});
