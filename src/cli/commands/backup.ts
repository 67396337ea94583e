import { join } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { backupSqlite } from '../../services/backup/backup-sqlite.js';
import { pgDumpGuidance } from '../../services/backup/pg-dump-guidance.js';
import { printJson, withSystemContext } from '../system-context.js';

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function registerBackup(program: Command): void {
  program
    .command('backup [file]')
    .description('SQLite: write a consistent copy while the server runs (default data/backups/bulwark-<time>.db). PostgreSQL: print pg_dump guidance')
    .option('--json', 'print the result as JSON')
    .action(async (file: string | undefined, options: { json?: boolean }) => {
      const config = loadConfig();
      await withSystemContext(async (ctx) => {
        if (ctx.database.engine === 'postgres') {
          const guidance = await pgDumpGuidance(ctx, ctx.clock.now());
          if (options.json) return printJson({ engine: 'postgres', ...guidance });
          console.log(`Bulwark is using PostgreSQL ${guidance.serverVersion} at ${guidance.connection}.`);
          console.log('Back it up with pg_dump, which takes a consistent snapshot while Bulwark keeps running');
          console.log('(use a pg_dump of the same major version as the server, or newer):\n');
          console.log(`  ${guidance.dump}\n`);
          console.log('Give the password through PGPASSWORD or ~/.pgpass rather than in the command line. To restore:\n');
          console.log(`  ${guidance.restore}\n`);
          console.log('Run `bulwark verify` against the restored database to check its audit and timeline chains.');
          return;
        }
        const backup = await backupSqlite(ctx, { target: file, backupsDir: join(config.dataDir, 'backups') });
        if (options.json) return printJson({ engine: 'sqlite', ...backup });
        console.log(`Backup written to ${backup.file}`);
        console.log(`  size:       ${size(backup.bytes)} (${backup.bytes} bytes)`);
        console.log(`  check:      opened, PRAGMA integrity_check ok, ${backup.incidents} incidents`);
        console.log(`  took:       ${(backup.durationMs / 1000).toFixed(1)} s`);
        console.log(`To restore: stop Bulwark, replace ${config.sqliteFile} with this file (and remove its -wal and -shm files), start it again.`);
      });
    });
}
