import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { systemActor } from '../../../src/services/context.js';
import { startRuntime } from '../../../src/services/runtime.js';
import { createApiToken } from '../../../src/services/tokens/create-api-token.js';
import { addUser } from '../../../src/services/users/add-user.js';
import { describeEachEngine } from '../../support/engines.js';

const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'bulwark.js');
const BATCH = 200;
const SENDERS = 4;

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    if (child.exitCode !== null) throw new Error(`the server exited early: ${output()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not come up: ${output()}`);
}

/**
 * The real server in its own process, fed batches by several senders, killed with SIGKILL mid-stream:
 * every alert of every batch it acknowledged must be in the database afterwards, and no batch may be
 * there in part.
 */
describeEachEngine('alert ingestion survives kill -9', (database, engine) => {
  it('loses no acknowledged alert and leaves no batch half-written', { timeout: 180_000 }, async () => {
    const handle = database();
    const runtime = await startRuntime({ sqliteFile: '', database: handle });
    const system = { ...runtime.deps, actor: systemActor(runtime.organisationId) };
    const { user } = await addUser(system, { email: 'siem@example.test', name: 'SIEM', role: 'analyst', password: 'correct horse battery staple' });
    const { secret } = await createApiToken(system, { user: user.id, name: 'siem' });
    await (runtime.deps.events as { stop?: () => Promise<void> }).stop?.();

    const port = 20_000 + Math.floor(Math.random() * 40_000);
    const env = {
      ...process.env, BULWARK_FROM_SOURCE: '1', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent',
      BULWARK_ADMIN_EMAIL: 'admin@example.test', BULWARK_ADMIN_PASSWORD: 'correct horse battery staple',
      ...(engine === 'sqlite' ? { BULWARK_DATA_DIR: dirname(handle.location), DATABASE_URL: '' } : { DATABASE_URL: handle.location }),
    };
    const child = spawn(process.execPath, [BIN, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    const url = `http://127.0.0.1:${port}`;
    await waitUntilUp(url, child, () => output);

    const acknowledged: string[] = [];
    const sent: string[] = [];
    let killed = false;
    const sender = async (n: number) => {
      for (let b = 0; !killed; b += 1) {
        const batch = `s${n}-b${b}`;
        sent.push(batch);
        const alerts = Array.from({ length: BATCH }, (_, i) => ({
          source: 'crash-test', source_ref: `${batch}-${i}`, title: `Alert ${i}`, observables: [{ type: 'ip', value: `10.${n}.${b % 250}.${i % 250}` }],
        }));
        try {
          const res = await fetch(`${url}/api/v1/alerts/batch`, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body: JSON.stringify({ alerts }) });
          await res.text();
          if (res.status === 200) acknowledged.push(batch);
        } catch {
          return; // the server died under this request
        }
      }
    };
    const senders = Array.from({ length: SENDERS }, (_, n) => sender(n));
    while (acknowledged.length < 12) await new Promise((r) => setTimeout(r, 20));
    killed = true;
    child.kill('SIGKILL');
    await Promise.all(senders);
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));

    const rows = await handle.db.selectFrom('alerts').select('source_ref').where('source', '=', 'crash-test').execute();
    const perBatch = new Map<string, number>();
    for (const { source_ref } of rows) {
      const batch = source_ref.slice(0, source_ref.lastIndexOf('-'));
      perBatch.set(batch, (perBatch.get(batch) ?? 0) + 1);
    }
    for (const batch of acknowledged) expect(perBatch.get(batch), `acknowledged batch ${batch}`).toBe(BATCH);
    for (const [batch, count] of perBatch) expect(count, `batch ${batch} is whole`).toBe(BATCH);
    expect(acknowledged.length).toBeGreaterThanOrEqual(12);
    // Some request was in flight when the server died, so the kill really came mid-stream.
    expect(sent.length).toBeGreaterThan(acknowledged.length);
  });
});
