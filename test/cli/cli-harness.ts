import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { buildApp } from '../../src/api/app.js';
import { startRuntime } from '../../src/services/runtime.js';
import { openDatabase, type DatabaseHandle } from '../../src/store/database.js';
import type { Engine } from '../../src/store/dialect.js';
import { ENGINES, freshDatabase } from '../support/engines.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'bulwark.js');

/** Where the CLI under test keeps its data: a temporary data dir, and a fresh PostgreSQL database on that engine. */
export interface CliTarget {
  engine: Engine;
  dataDir: string;
  databaseUrl: string | undefined;
  sqliteFile: string;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Non-empty stdout lines. */
  lines: string[];
}

/** Runs the real `bulwark` command (from the TypeScript sources) as a child process. */
export function runCli(target: CliTarget, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, BULWARK_FROM_SOURCE: '1', BULWARK_DATA_DIR: target.dataDir, DATABASE_URL: target.databaseUrl ?? '', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, lines: stdout.split('\n').filter((l) => l.trim()) }));
  });
}

export type InProcess = Awaited<ReturnType<typeof openTarget>>;

/** Opens the target's database in this process: the API (through inject) and direct access for tampering and checks. */
export async function openTarget(target: CliTarget) {
  const database: DatabaseHandle = openDatabase({ databaseUrl: target.databaseUrl, sqliteFile: target.sqliteFile });
  const runtime = await startRuntime({ sqliteFile: target.sqliteFile, database });
  const app = await buildApp({ deps: runtime.deps, logLevel: 'silent', webRoot: null, loginRateLimit: 1000 });
  await app.ready();
  return {
    database,
    runtime,
    app,
    close: async () => {
      await app.close();
      await runtime.close();
    },
  };
}

/** A suite run against the CLI once per engine (or only the engines given), each with its own empty database. */
export function describeCliOnEngines(name: string, suite: (target: () => CliTarget, inProcess: () => Promise<InProcess>) => void, engines: Engine[] = ENGINES): void {
  for (const engine of engines) {
    describe(`${name} [${engine}]`, () => {
      let target: CliTarget | undefined;
      let opened: Promise<InProcess> | undefined;
      let drop = async () => {};
      beforeAll(async () => {
        const dataDir = mkdtempSync(join(tmpdir(), 'bulwark-cli-'));
        let databaseUrl: string | undefined;
        if (engine === 'postgres') {
          const fresh = await freshDatabase('postgres');
          databaseUrl = fresh.handle.location;
          drop = fresh.drop;
        }
        target = { engine, dataDir, databaseUrl, sqliteFile: join(dataDir, 'bulwark.db') };
      });
      afterAll(async () => {
        await (await opened)?.close();
        await drop();
        if (target) rmSync(target.dataDir, { recursive: true, force: true });
      });
      const current = () => {
        if (!target) throw new Error('CLI target not ready');
        return target;
      };
      // Opened on first use and kept, so the CLI under test and this process share the database.
      suite(current, () => (opened ??= openTarget(current())));
    });
  }
}
