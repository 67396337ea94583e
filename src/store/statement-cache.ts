import type SQLite from 'better-sqlite3';

/** How many distinct statements stay prepared per connection (queries with IN lists of varying length make many). */
const STATEMENT_CACHE_SIZE = 500;

const caches = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

/**
 * The statement for this SQL text on this connection, prepared once: compiling a statement costs more
 * than running a lookup by index. Kysely's queries (through withStatementCache) and the repositories'
 * raw fast paths share the one cache. A statement still being iterated (a streamed query) is never
 * handed out twice; a fresh one is made.
 */
export function cachedStatement(sqlite: SQLite.Database, sql: string): SQLite.Statement {
  let statements = caches.get(sqlite);
  if (!statements) caches.set(sqlite, (statements = new Map()));
  const cached = statements.get(sql);
  if (cached) {
    if (cached.busy) return sqlite.prepare(sql);
    // Most recently used last, so the first entry is the one to evict.
    statements.delete(sql);
    statements.set(sql, cached);
    return cached;
  }
  const statement = sqlite.prepare(sql);
  statements.set(sql, statement);
  if (statements.size > STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
  return statement;
}

/** The connection as Kysely's SQLite dialect sees it, preparing through the cache. */
export function withStatementCache(sqlite: SQLite.Database): { prepare(sql: string): SQLite.Statement; close(): void } {
  return {
    prepare: (sql: string) => cachedStatement(sqlite, sql),
    close(): void {
      caches.delete(sqlite);
      sqlite.close();
    },
  };
}
