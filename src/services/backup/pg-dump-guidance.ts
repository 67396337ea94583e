import { invalid } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { postgresServerVersion } from '../../store/database.js';

export interface PgDumpGuidance {
  /** The connection with its password replaced by ****. */
  connection: string;
  serverVersion: string;
  dump: string;
  restore: string;
}

export function maskPassword(connection: string): string {
  const url = new URL(connection);
  if (url.password) url.password = '****';
  return url.toString();
}

/**
 * Bulwark does not copy a PostgreSQL database itself: pg_dump takes a consistent snapshot while the
 * servers keep running, and is what a database administrator already trusts and monitors.
 */
export async function pgDumpGuidance(ctx: ServiceContext, at: string): Promise<PgDumpGuidance> {
  authorize(ctx.actor, 'settings.manage');
  if (ctx.database.engine !== 'postgres') throw invalid('This database is SQLite; `bulwark backup` copies it directly.');
  const connection = maskPassword(ctx.database.location);
  const serverVersion = await postgresServerVersion(ctx.database.db);
  const file = `bulwark-${at.replace(/[:.]/g, '-')}.dump`;
  return {
    connection,
    serverVersion: serverVersion ?? 'unknown',
    dump: `pg_dump --format=custom --no-owner --file=${file} --dbname='${connection}'`,
    restore: `pg_restore --clean --if-exists --no-owner --dbname='${connection}' ${file}`,
  };
}
