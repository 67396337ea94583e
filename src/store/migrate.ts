import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { DatabaseHandle } from './database.js';
import type { Engine } from './dialect.js';
import * as core from './migrations/0001-core.js';
import * as signals from './migrations/0002-signals.js';
import * as leanAlertIndexes from './migrations/0003-lean-alert-indexes.js';
import * as risk from './migrations/0004-risk.js';
import * as riskScoredResidual from './migrations/0005-risk-scored-residual.js';
import * as learning from './migrations/0006-learning.js';
import * as management from './migrations/0007-management.js';
import * as evidence from './migrations/0008-evidence.js';
import * as escalationUnanswered from './migrations/0009-escalation-unanswered.js';
import * as twoFactor from './migrations/0010-two-factor.js';
import * as ssoSubject from './migrations/0011-sso-subject.js';

/** One ordered migration set for both engines; each migration receives the engine for its column types. */
const MIGRATIONS: Record<string, { up: (db: any, engine: Engine) => Promise<void> }> = {
  '0001-core': core,
  '0002-signals': signals,
  '0003-lean-alert-indexes': leanAlertIndexes,
  '0004-risk': risk,
  '0005-risk-scored-residual': riskScoredResidual,
  '0006-learning': learning,
  '0007-management': management,
  '0008-evidence': evidence,
  '0009-escalation-unanswered': escalationUnanswered,
  '0010-two-factor': twoFactor,
  '0011-sso-subject': ssoSubject,
};

class InCodeProvider implements MigrationProvider {
  constructor(private readonly engine: Engine) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(
      Object.entries(MIGRATIONS).map(([name, m]) => [name, { up: (db) => m.up(db, this.engine) } satisfies Migration]),
    );
  }
}

export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  const migrator = new Migrator({ db: handle.db, provider: new InCodeProvider(handle.engine) });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${String(result.error)}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of migrations not yet applied; /readyz answers 503 while any remain. */
export async function pendingMigrations(handle: DatabaseHandle): Promise<string[]> {
  const migrator = new Migrator({ db: handle.db, provider: new InCodeProvider(handle.engine) });
  const all = await migrator.getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}
