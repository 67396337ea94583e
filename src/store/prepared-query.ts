import { CompiledQuery, type Compilable } from 'kysely';
import type { DatabaseHandle, Db } from './database.js';

const PLACEHOLDER = '\u0000bulwark-value:';

type Slot = { name: string } | { fixed: unknown };
interface Compiled { sql: string; slots: Slot[]; name: string }

let statements = 0;

/**
 * A query built and compiled by Kysely once per database and shape, then run with new values: on hot
 * read paths (the "seen before" lookup) building and compiling a query costs more than running it.
 * On PostgreSQL it runs as a named prepared statement, so the server plans it once per connection
 * instead of on every call; on SQLite it goes through Kysely's connection (and its statement cache),
 * so it never reads inside another request's open transaction.
 *
 * `build` receives a placeholder for each named value; every other value in it is fixed for that
 * shape. Values must be strings or numbers: they skip the plugins a built query goes through (such as
 * SQLite's boolean conversion). Reads only, outside transactions.
 */
export function preparedQuery<Shape extends string, Values extends Record<string, string | number>, Row>(
  build: (db: Db, shape: Shape, value: <K extends keyof Values & string>(name: K) => Values[K]) => Compilable<Row>,
) {
  const compiled = new WeakMap<DatabaseHandle, Map<Shape, Compiled>>();
  return async (handle: DatabaseHandle, shape: Shape, values: Values): Promise<Row[]> => {
    let shapes = compiled.get(handle);
    if (!shapes) compiled.set(handle, (shapes = new Map()));
    let entry = shapes.get(shape);
    if (!entry) {
      const query = build(handle.db, shape, (name) => `${PLACEHOLDER}${name}` as never).compile();
      const slots = query.parameters.map((p): Slot => (typeof p === 'string' && p.startsWith(PLACEHOLDER) ? { name: p.slice(PLACEHOLDER.length) } : { fixed: p }));
      entry = { sql: query.sql, slots, name: `bulwark_prepared_${(statements += 1)}` };
      shapes.set(shape, entry);
    }
    const parameters = entry.slots.map((slot) => ('name' in slot ? values[slot.name] : slot.fixed));
    if (handle.pool) return (await handle.pool.query<Row & object>({ name: entry.name, text: entry.sql, values: parameters })).rows;
    return (await handle.db.executeQuery<Row>(CompiledQuery.raw(entry.sql, parameters))).rows;
  };
}
