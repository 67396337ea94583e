import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { conflict, invalid } from '../../domain/errors.js';
import { checkSqliteCopy, vacuumInto } from '../../store/backup.js';
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

/**
 * A consistent online copy of the SQLite database, taken while the server keeps writing, then opened
 * and integrity-checked.
 */
export async function backupSqlite(ctx: ServiceContext, options: { target?: string | undefined; backupsDir: string }): Promise<SqliteBackup> {
  authorize(ctx.actor, 'settings.manage');
  if (ctx.database.engine !== 'sqlite') throw invalid('This database is PostgreSQL; back it up with pg_dump.');
  const started = Date.now();
  const file = resolve(options.target ?? defaultBackupFile(options.backupsDir, ctx.clock.now()));
  if (file === resolve(ctx.database.location)) throw invalid('The backup cannot overwrite the live database.', [{ path: 'target', message: 'the live database file' }]);
  if (existsSync(file)) throw conflict(`${file} already exists; choose another path or remove it first.`);
  mkdirSync(dirname(file), { recursive: true });
  await vacuumInto(ctx.database.db, file);
  const incidents = checkSqliteCopy(file);
  const bytes = statSync(file).size;
  await runInTransaction(ctx, (uow) => uow.audit('database.backup', { type: 'database', id: 'sqlite' }, { file, bytes, incidents }));
  return { file, bytes, incidents, durationMs: Date.now() - started };
}
