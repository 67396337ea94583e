import type { Command, Option } from 'commander';
import { Option as CommanderOption } from 'commander';
import { OBSERVABLE_TYPES, type ObservableType } from '../../domain/observables.js';
import { lookupObservable, type ObservableHistory } from '../../services/observables/lookup-observable.js';
import { printJson, printTable, withSystemContext } from '../system-context.js';

const typeOption: Option = new CommanderOption('--type <type>', 'the type of every value (guessed per value when left out)').choices(OBSERVABLE_TYPES);

export function registerObservable(program: Command): void {
  const observable = program.command('observable').description('Observables (IPs, domains, hashes…) and where they were seen');
  observable
    .command('lookup')
    .description('Say for each value whether it was seen before: in how many incidents and alerts, first and last seen (defanged values are fine)')
    .argument('<values...>', 'one or more values, e.g. 185.220.101[.]4 evil.example 44d88612fea8a8f36de82e1278abb02f')
    .addOption(typeOption)
    .option('--json', 'print every answer, with its sightings, as JSON')
    .action(async (values: string[], options: { type?: ObservableType; json?: boolean }) => {
      const answers: ObservableHistory[] = await withSystemContext(async (ctx) => {
        const out: ObservableHistory[] = [];
        for (const value of values) out.push(await lookupObservable(ctx, { type: options.type, value, limit: options.json ? 200 : 1 }));
        return out;
      });
      if (options.json) return printJson(answers);
      printTable(
        ['type', 'value', 'incidents', 'alerts', 'first seen', 'last seen'],
        answers.map((a) => [a.type, a.value, String(a.summary.incidents), String(a.summary.alerts), a.summary.first_seen_at ?? 'never', a.summary.last_seen_at ?? '—']),
      );
    });
}
