import type { Clock } from '../domain/time.js';
import { systemClock } from '../domain/time.js';
import { openDatabase, type DatabaseHandle } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
import { ensureOrganisation } from './bootstrap.js';
import type { EvidenceSettings, OidcSettings, ServiceDeps } from './context.js';
import { InProcessEventBus, type EventBus } from './events.js';
import { PostgresEventBus } from './postgres-event-bus.js';

export interface Runtime {
  deps: ServiceDeps;
  organisationId: string;
  close(): Promise<void>;
}

/** Opens the database, applies migrations, makes sure the organisation exists, and wires the event bus. */
export async function startRuntime(options: { databaseUrl?: string | undefined; sqliteFile: string; clock?: Clock; database?: DatabaseHandle; publicUrl?: string | undefined; evidence?: EvidenceSettings | undefined; oidc?: OidcSettings | undefined }): Promise<Runtime> {
  const database = options.database ?? openDatabase({ databaseUrl: options.databaseUrl, sqliteFile: options.sqliteFile });
  await migrateToLatest(database);
  let events: EventBus;
  let stopEvents = async () => {};
  if (database.engine === 'postgres') {
    const bus = new PostgresEventBus(database.db, database.location);
    await bus.start();
    events = bus;
    stopEvents = () => bus.stop();
  } else {
    events = new InProcessEventBus();
  }
  const deps: ServiceDeps = { database, clock: options.clock ?? systemClock, events, publicUrl: options.publicUrl, evidence: options.evidence, oidc: options.oidc };
  const organisationId = await ensureOrganisation(deps);
  return {
    deps,
    organisationId,
    close: async () => {
      await stopEvents();
      await database.close();
    },
  };
}
