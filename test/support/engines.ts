import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openPostgres, openSqlite, type DatabaseHandle } from '../../src/store/database.js';
import type { Engine } from '../../src/store/dialect.js';

export const ENGINES: Engine[] = ['sqlite', 'postgres'];

/** A fresh, empty database of the engine: a new SQLite file, or a new PostgreSQL database. */
export async function freshDatabase(engine: Engine): Promise<{ handle: DatabaseHandle; drop(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-test-'));
    const handle = openSqlite(join(dir, 'bulwark.db'));
    return {
      handle,
      drop: async () => {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = inject('postgresUrl');
  const name = `bulwark_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString(), 5);
  return {
    handle,
    drop: async () => {
      await handle.close();
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

/**
 * Runs a suite once per engine, each against its own fresh database:
 *   describeEachEngine('incidents', (db) => { it('…', async () => { db().handle … }) })
 */
export function describeEachEngine(name: string, suite: (database: () => DatabaseHandle, engine: Engine) => void): void {
  for (const engine of ENGINES) {
    describe(`${name} [${engine}]`, () => {
      let current: Awaited<ReturnType<typeof freshDatabase>> | undefined;
      beforeAll(async () => {
        current = await freshDatabase(engine);
      });
      afterAll(async () => {
        await current?.drop();
      });
      suite(() => {
        if (!current) throw new Error('database not ready');
        return current.handle;
      }, engine);
    });
  }
}
