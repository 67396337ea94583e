import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPostgres, openSqlite, type DatabaseHandle } from '../src/store/database.js';
import type { Engine } from '../src/store/dialect.js';

export interface BenchDatabase {
  engine: Engine;
  handle: DatabaseHandle;
  drop(): Promise<void>;
}

/** The PostgreSQL server to measure on, or undefined to measure SQLite only. */
export function postgresAdminUrl(): string | undefined {
  return process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
}

/** A new, empty database for one engine's run: a SQLite file in a temporary folder, or a new PostgreSQL database. */
export async function freshBenchDatabase(engine: Engine): Promise<BenchDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-bench-'));
    const handle = openSqlite(join(dir, 'bulwark.db'));
    return { engine, handle, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const adminUrl = postgresAdminUrl();
  if (!adminUrl) throw new Error('No PostgreSQL to benchmark on: set BENCH_DATABASE_URL or TEST_DATABASE_URL.');
  const name = `bulwark_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString(), 10);
  return {
    engine,
    handle,
    drop: async () => {
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}
