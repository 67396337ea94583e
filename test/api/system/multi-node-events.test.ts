import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { buildApp } from '../../../src/api/app.js';
import { openPostgres } from '../../../src/store/database.js';
import { startRuntime } from '../../../src/services/runtime.js';
import { freshDatabase } from '../../support/engines.js';
import { subscribe, until } from '../../support/event-stream.js';
import { startTestApp } from '../../support/test-app.js';

describe('live events across server nodes [postgres]', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let nodeA: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    database = await freshDatabase('postgres');
    nodeA = await startTestApp(database.handle);
  });
  afterAll(async () => {
    await nodeA.close();
    await database.drop();
  });

  it('reaches a browser connected to another node sharing the same PostgreSQL (LISTEN/NOTIFY)', async () => {
    const nodeBRuntime = await startRuntime({ sqliteFile: '', database: openPostgres(database.handle.location, 2) });
    const nodeB = await buildApp({ deps: nodeBRuntime.deps, logLevel: 'silent', webRoot: null });
    await nodeB.listen({ host: '127.0.0.1', port: 0 });
    const stream = await subscribe(`http://127.0.0.1:${(nodeB.server.address() as AddressInfo).port}`, nodeA.admin.token);
    try {
      const created = (await nodeA.call('POST', '/api/v1/incidents', { body: { title: 'Seen on node B', category: 'malware' } })).json();
      await until(() => stream.received.some((e) => e.type === 'incident.created' && e.data.incident_id === created.id));
    } finally {
      stream.close();
      await nodeB.close();
      await nodeBRuntime.close();
    }
  });
});
