import type SQLite from 'better-sqlite3';
import type { DatabaseHandle } from './database.js';

const dataVersions = new WeakMap<SQLite.Database, SQLite.Statement>();

/**
 * A number that changes whenever another connection commits to this database: on SQLite its
 * `data_version`, which moves when another process (the command line, a second server on the same
 * file) writes, and never for this connection's own writes. Null on PostgreSQL, where other nodes
 * announce their changes on the event channel instead.
 */
export function externalWriteMark(handle: DatabaseHandle): number | null {
  const sqlite = handle.sqlite;
  if (!sqlite) return null;
  let statement = dataVersions.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare('PRAGMA data_version').pluck();
    dataVersions.set(sqlite, statement);
  }
  return statement.get() as number;
}
