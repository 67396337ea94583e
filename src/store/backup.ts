import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { Db } from './database.js';

/**
 * A consistent online copy of a SQLite database: `VACUUM INTO` reads one snapshot while the server
 * keeps writing (WAL) and writes a compacted copy.
 */
export async function vacuumInto(db: Db, file: string): Promise<void> {
  await sql`VACUUM INTO ${file}`.execute(db);
}

/**
 * Opens a copy on its own, checks every page and index, makes it one self-contained file, and returns
 * how many incidents it holds (to show that it opens and holds the data).
 */
export function checkSqliteCopy(file: string): number {
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
