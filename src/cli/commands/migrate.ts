import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../store/database.js';
import { migrateToLatest } from '../../store/migrate.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('Apply database migrations and exit')
    .action(async () => {
      const config = loadConfig();
      const database = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
      try {
        const applied = await migrateToLatest(database);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      } finally {
        await database.close();
      }
    });
}
