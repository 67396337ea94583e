import type { Command } from 'commander';
import { buildApp } from '../../api/app.js';
import { loadConfig } from '../../config.js';
import { startBackgroundJobs } from '../../jobs/background-jobs.js';
import { mailProviderFor } from '../../services/mail/mail-provider.js';
import { ensureFirstAdmin } from '../../services/bootstrap.js';
import { startRuntime } from '../../services/runtime.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Run the web app and API (migrates the database first)')
    .action(async () => {
      const config = loadConfig();
      const runtime = await startRuntime({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile, publicUrl: config.publicUrl, evidence: { dir: config.evidenceDir, maxBytes: config.evidenceMaxBytes, malwareArchivePassword: config.malwareArchivePassword }, oidc: config.oidc });
      const admin = await ensureFirstAdmin(runtime.deps, runtime.organisationId, { email: config.adminEmail, password: config.adminPassword });
      const app = await buildApp({ deps: runtime.deps, logLevel: config.logLevel, secureCookies: config.secureCookies, loginRateLimit: config.loginRateLimit, ingestRateLimit: config.ingestRateLimit });
      const jobs = startBackgroundJobs(runtime.deps, runtime.organisationId, app.log, { mail: mailProviderFor(config), evidenceVerifyHours: config.evidenceVerifyHours });
      const shutdown = async () => {
        await jobs.stop();
        await app.close();
        await runtime.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown());
      process.once('SIGTERM', () => void shutdown());
      await app.listen({ host: config.host, port: config.port });
      const where = runtime.deps.database.engine === 'postgres' ? 'PostgreSQL' : config.sqliteFile;
      const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
      console.log(`\nBulwark is listening on ${url} (data: ${where})`);
      if (admin) {
        console.log(`\nFirst start: administrator account created.`);
        console.log(`  e-mail:   ${admin.email}`);
        if (admin.oneTimePassword) console.log(`  password: ${admin.oneTimePassword}   (shown once; change it under your profile)`);
        else console.log('  password: the one in BULWARK_ADMIN_PASSWORD');
      }
    });
}
