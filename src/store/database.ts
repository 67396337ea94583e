import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  Kysely,
  OperationNodeTransformer,
  PostgresDialect,
  PrimitiveValueListNode,
  SqliteDialect,
  ValueNode,
  sql,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import type { Engine } from './dialect.js';
import type { Database } from './schema.js';
import { withStatementCache } from './statement-cache.js';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  engine: Engine;
  /** The connection string (PostgreSQL) or file path (SQLite) it was opened with, for backup and LISTEN. */
  location: string;
  /** The raw driver objects, for bulk fast paths in the store layer only (alert ingestion). */
  sqlite?: SQLite.Database;
  pool?: pg.Pool;
  close(): Promise<void>;
}

/** better-sqlite3 binds no JS booleans, so they are written as 1/0. */
class SqliteBooleans extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    const out = super.transformValue(node);
    // Immediate values (DDL defaults such as defaultTo(false)) stay inline: SQLite binds no parameters in DDL.
    if (typeof out.value !== 'boolean') return out;
    return out.immediate ? ValueNode.createImmediate(out.value ? 1 : 0) : ValueNode.create(out.value ? 1 : 0);
  }
  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    const out = super.transformPrimitiveValueList(node);
    return PrimitiveValueListNode.create(out.values.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v)));
  }
}

const sqliteBooleansPlugin: KyselyPlugin = {
  transformQuery: (args: PluginTransformQueryArgs): RootOperationNode => new SqliteBooleans().transformNode(args.node),
  transformResult: async (args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => args.result,
};

const TIMESTAMPTZ_OID = 1184;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** PostgreSQL hands instants back as the same ISO strings SQLite stores, and counts as numbers. */
const pgTypes = {
  getTypeParser(oid: number, format?: string) {
    if (oid === TIMESTAMPTZ_OID) return (value: string) => new Date(value).toISOString();
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

export function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // FULL: an acknowledged write survives a power cut, not only a process crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB of page cache instead of 2: index pages of millions of alerts and observables stay in memory.
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), plugins: [sqliteBooleansPlugin] });
  return { db, engine: 'sqlite', location: file, sqlite, close: () => db.destroy() };
}

export function openPostgres(connectionString: string, poolSize = 10): DatabaseHandle {
  const pool = new pg.Pool({ connectionString, max: poolSize, types: pgTypes });
  // An idle connection dropped by the server (restart, failover) must not crash the process; the pool opens a new one.
  pool.on('error', (error) => {
    if ((error as { code?: string }).code !== '57P01') process.stderr.write(`PostgreSQL connection lost: ${error.message}\n`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', location: connectionString, pool, close: () => db.destroy() };
}

/** DATABASE_URL=postgres://… selects PostgreSQL; otherwise the embedded SQLite file. */
export function openDatabase(options: { databaseUrl?: string | undefined; sqliteFile: string }): DatabaseHandle {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) return openPostgres(url);
  return openSqlite(options.sqliteFile);
}

/** Whether the database answers at all (readiness probes). */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

/** The PostgreSQL server's version string, e.g. "15.20 (Debian 15.20-0+deb12u1)". */
export async function postgresServerVersion(db: Db): Promise<string | undefined> {
  const result = await sql<{ server_version: string }>`SHOW server_version`.execute(db);
  return result.rows[0]?.server_version;
}
