import type { Command } from 'commander';
import { loadDemo } from '../../services/demo/load-demo.js';
import { printJson, printTable, withSystemContext } from '../system-context.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Load sample incidents (titles start with "[Sample] ", tag sample-data) with sample people, tasks and timelines')
    .option('--force', 'load another set even if sample data is present')
    .option('--json', 'print what was loaded as JSON')
    .action(async (options: { force?: boolean; json?: boolean }) => {
      if (!options.json) console.log('Loading sample data…');
      const result = await withSystemContext((ctx) => loadDemo(ctx, { force: options.force ?? false }));
      if (options.json) return printJson(result);
      console.log(`\nSample incidents (tagged sample-data):`);
      printTable(
        ['NUMBER', 'PHASE', 'SEV', 'TITLE'],
        result.incidents.map((i) => [i.number, i.phase, String(i.severity), `${i.title}${i.restricted ? '  (restricted)' : ''}`]),
      );
      console.log(`\nSample people:`);
      printTable(['E-MAIL', 'NAME', 'ROLE', ''], result.people.map((p) => [p.email, p.name, p.role, p.created ? 'added' : 'already there']));
      console.log('\nSample people have random passwords. To sign in as one: bulwark user reset-password <e-mail>');
    });
}
