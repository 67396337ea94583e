import { sql, type ColumnDataType, type Expression, type Kysely, type RawBuilder } from 'kysely';

export type Engine = 'sqlite' | 'postgres';

/**
 * The small column-type mapper that lets one migration set serve SQLite and PostgreSQL
 * (the idea of n8n's db package). Instants are ISO text on SQLite and timestamptz on PostgreSQL;
 * both read back as ISO strings (see database.ts).
 */
export interface ColumnTypes {
  id: ColumnDataType;
  text: ColumnDataType;
  integer: ColumnDataType;
  bigint: ColumnDataType;
  real: ColumnDataType;
  boolean: ColumnDataType;
  instant: ColumnDataType | RawBuilder<unknown>;
  json: ColumnDataType | RawBuilder<unknown>;
}

export function columnTypes(engine: Engine): ColumnTypes {
  return engine === 'sqlite'
    ? { id: 'text', text: 'text', integer: 'integer', bigint: 'integer', real: 'real', boolean: 'integer', instant: 'text', json: 'text' }
    : { id: 'text', text: 'text', integer: 'integer', bigint: 'bigint', real: 'double precision', boolean: 'boolean', instant: sql`timestamptz`, json: sql`jsonb` };
}

/** JSON columns come back parsed on PostgreSQL and as text on SQLite. */
export function readJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** Written as text on both engines (PostgreSQL casts it to jsonb). */
export function writeJson(value: unknown): string {
  return JSON.stringify(value);
}

/** Boolean columns come back as 0/1 on SQLite. */
export function readBool(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}

export function engineOf(db: Kysely<any>): Engine {
  const adapter = db.getExecutor().adapter.constructor.name;
  return adapter.startsWith('Postgres') ? 'postgres' : 'sqlite';
}

/** Case-insensitive LIKE on both engines. */
export function ilike(engine: Engine, column: Expression<unknown>, pattern: string): RawBuilder<boolean> {
  return engine === 'postgres' ? sql<boolean>`${column} ILIKE ${pattern}` : sql<boolean>`${column} LIKE ${pattern}`;
}
