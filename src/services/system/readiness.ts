import { pingDatabase, type DatabaseHandle } from '../../store/database.js';
import { pendingMigrations } from '../../store/migrate.js';

export type Readiness = { ready: true; engine: string } | { ready: false; status: 'migrations_pending' | 'database_unreachable'; detail: string };

export async function checkReadiness(database: DatabaseHandle): Promise<Readiness> {
  try {
    await pingDatabase(database.db);
    const pending = await pendingMigrations(database);
    if (pending.length) return { ready: false, status: 'migrations_pending', detail: `Pending migrations: ${pending.join(', ')}` };
    return { ready: true, engine: database.engine };
  } catch (error) {
    return { ready: false, status: 'database_unreachable', detail: (error as Error).message };
  }
}
