import { Command, CommanderError } from 'commander';
import { BulwarkError } from '../domain/errors.js';
import { registerAlerts } from './commands/alerts.js';
import { registerAttack } from './commands/attack.js';
import { registerStix } from './commands/stix.js';
import { registerObservable } from './commands/observable.js';
import { registerBackup } from './commands/backup.js';
import { registerCatalog } from './commands/catalog.js';
import { registerRisk } from './commands/risk.js';
import { registerDemo } from './commands/demo.js';
import { registerMigrate } from './commands/migrate.js';
import { registerServe } from './commands/serve.js';
import { registerToken } from './commands/token.js';
import { registerUser } from './commands/user.js';
import { registerVerify } from './commands/verify.js';
import { registerWebhook } from './commands/webhook.js';
import { registerRiskIo } from './commands/risk-io.js';
import { registerReview } from './commands/review.js';
import { registerIncidentReport } from './commands/incident-report.js';
import { registerPlan } from './commands/plan.js';
import { registerEvidence } from './commands/evidence.js';
import { registerEvidenceReport } from './commands/evidence-report.js';

/** Exit codes: 0 ok, 1 unexpected failure, 2 the user's mistake, 3 not found, 4 a broken hash chain (verify). */
const program = new Command()
  .name('bulwark')
  .description('Bulwark: incident response, incident management and risk management')
  .showHelpAfterError()
  .exitOverride();

registerServe(program);
registerMigrate(program);
registerUser(program);
registerToken(program);
registerAlerts(program);
registerVerify(program);
registerWebhook(program);
registerBackup(program);
registerDemo(program);
registerAttack(program);
registerStix(program);
registerObservable(program);
registerCatalog(program);
registerRiskIo(program);
registerRisk(program);
registerReview(program);
registerIncidentReport(program);
registerPlan(program);
registerEvidence(program);
// After registerEvidence: its subcommands join the same `evidence` group.
registerEvidenceReport(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Commander has already printed its usage message or the help text.
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
  if (error instanceof BulwarkError) {
    console.error(`bulwark: ${error.message}`);
    for (const e of error.errors) console.error(`  ${e.path}: ${e.message}`);
    process.exit(error.kind === 'not_found' ? 3 : 2);
  }
  console.error(`bulwark: ${(error as Error).message}`);
  process.exit(1);
}
