import type { Command } from 'commander';
import { loadDemo } from '../../services/demo/load-demo.js';
import { printJson, printTable, withSystemContext } from '../system-context.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Load sample data (titles start with "[Sample] ", tag sample-data): incidents with people, tasks and timelines, the risk register joined to them, alerts, and a response plan draft')
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
      const { register, signals } = result;
      console.log(`\nRisk register: ${register.risks} risks, ${register.assets} assets, ${register.controls} controls; ${register.incident_links} incident links and ${register.control_outcomes} control outcomes (lessons) on the incidents.`);
      console.log(`Triage queue: ${signals.alerts} alerts in ${signals.groups} correlation groups, ${signals.observables} observables.`);
      console.log(signals.plan_version > 0 ? `Response plan: a draft (version ${signals.plan_version}) to review and approve under Preparedness.` : 'Response plan: yours was left as it is.');
      console.log(`\nSample people:`);
      printTable(['E-MAIL', 'NAME', 'ROLE', ''], result.people.map((p) => [p.email, p.name, p.role, p.created ? 'added' : 'already there']));
      console.log('\nSample people have random passwords. To sign in as one: bulwark user reset-password <e-mail>');
    });
}
