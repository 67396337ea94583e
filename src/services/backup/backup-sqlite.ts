import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { conflict, invalid } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';

export interface SqliteBackup {
  file: string;
  bytes: number;
  /** Incidents in the copy, read back from it to show that it opens and holds the data. */
  incidents: number;
  durationMs: number;
}

/** `bulwark-2026-11-23T08-15-00-000Z.db`: sorts by time and is a valid file name everywhere. */
export function defaultBackupFile(backupsDir: string, at: string): string {
  return join(backupsDir, `bulwark-${at.replace(/[:.]/g, '-')}.db`);
}

/** Opens the copy on its own, checks every page and index, and makes it one self-contained file. */
function checkCopy(file: string): number {
  const copy = new SQLite(file, { fileMustExist: true });
  try {
    // A single file without -wal/-shm companions is what people expect to move around and restore.
    copy.pragma('journal_mode = DELETE');
    const problems = copy.pragma('integrity_check') as { integrity_check: string }[];
    if (problems.length !== 1 || problems[0]!.integrity_check !== 'ok') {
      throw new Error(`The backup at ${file} failed its integrity check: ${problems.map((p) => p.integrity_check).join('; ')}`);
    }
    return (copy.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n;
  } finally {
    copy.close();
  }
}

/**
 * A consistent online copy of the SQLite database: `VACUUM INTO` reads one snapshot while the server
 * keeps writing (WAL), and writes a compacted copy that is then opened and integrity-checked.
 */
export async function backupSqlite(ctx: ServiceContext, options: { target?: string | undefined; backupsDir: string }): Promise<SqliteBackup> {
  authorize(ctx.actor, 'settings.manage');
  if (ctx.database.engine !== 'sqlite') throw invalid('This database is PostgreSQL; back it up with pg_dump.');
  const started = Date.now();
  const file = resolve(options.target ?? defaultBackupFile(options.backupsDir, ctx.clock.now()));
  if (file === resolve(ctx.database.location)) throw invalid('The backup cannot overwrite the live database.', [{ path: 'target', message: 'the live database file' }]);
  if (existsSync(file)) throw conflict(`${file} already exists; choose another path or remove it first.`);
  mkdirSync(dirname(file), { recursive: true });
  await sql`VACUUM INTO ${file}`.execute(ctx.database.db);
  const incidents = checkCopy(file);
  const bytes = statSync(file).size;
  await runInTransaction(ctx, (uow) => uow.audit('database.backup', { type: 'database', id: 'sqlite' }, { file, bytes, incidents }));
  return { file, bytes, incidents, durationMs: Date.now() - started };
}
