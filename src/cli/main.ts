import { Command } from 'commander';
import { BulwarkError } from '../domain/errors.js';
import { registerMigrate } from './commands/migrate.js';
import { registerServe } from './commands/serve.js';

const program = new Command()
  .name('bulwark')
  .description('Bulwark: incident response, incident management and risk management')
  .showHelpAfterError();

registerServe(program);
registerMigrate(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof BulwarkError) {
    console.error(`bulwark: ${error.message}`);
    for (const e of error.errors) console.error(`  ${e.path}: ${e.message}`);
    process.exit(error.kind === 'not_found' ? 3 : 2);
  }
  console.error(`bulwark: ${(error as Error).message}`);
  process.exit(1);
}
