import { Option, type Command } from 'commander';
import { invalid } from '../../domain/errors.js';
import { ALERT_STATUSES, TRIAGE_BATCH_MAX } from '../../domain/triage.js';
import { dismissAlerts } from '../../services/triage/dismiss-alerts.js';
import { listAlerts } from '../../services/triage/list-alerts.js';
import { reopenAlerts } from '../../services/triage/reopen-alerts.js';
import { printJson, printTable, withSystemContext } from '../system-context.js';

interface Selection {
  status?: string[];
  source?: string[];
  tag?: string[];
  q?: string;
  limit?: string;
}

const filterOptions = (command: Command) =>
  command
    .addOption(new Option('--status <status...>', 'only these statuses').choices(ALERT_STATUSES))
    .option('--source <source...>', 'only from these sources')
    .option('--tag <tag...>', 'only with every one of these tags')
    .option('--q <text>', 'text in the title, or the exact sender reference or alert id');

const toInput = (options: Selection) => ({ statuses: options.status, sources: options.source, tags: options.tag, q: options.q });

/** `bulwark alerts`: the triage queue for scripts — list, and bulk-dismiss or reopen by filter or id. */
export function registerAlerts(program: Command): void {
  const alerts = program.command('alerts').description('Look at and clean up the alert triage queue');

  filterOptions(alerts.command('list').description('List alerts, newest activity first'))
    .option('--limit <n>', 'at most this many (up to 200)', '50')
    .option('--json', 'print the alerts as JSON')
    .action(async (options: Selection & { json?: boolean }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw invalid('--limit must be a whole number from 1 to 200.', [{ path: 'limit', message: '1 to 200' }]);
      const page = await withSystemContext((ctx) => listAlerts(ctx, { ...toInput(options), limit }));
      if (options.json) return printJson(page.items);
      if (!page.items.length) return console.log('No alert matches.');
      printTable(['ID', 'SEV', 'STATUS', 'SOURCE', 'LAST SEEN', 'TITLE'], page.items.map((a) => [a.id, String(a.severity), a.status, a.source, a.last_seen_at, a.title]));
    });

  filterOptions(alerts.command('dismiss [ids...]').description('Dismiss new alerts with a reason: the ones named, or every new one matching the filters'))
    .requiredOption('--reason <reason>', 'why they need no response, e.g. "Scanner noise"')
    .action(async (ids: string[], options: Selection & { reason: string }) => {
      const count = await withSystemContext(async (ctx) => {
        if (ids.length) return (await dismissAlerts(ctx, { alert_ids: ids, reason: options.reason })).length;
        if (!options.source && !options.tag && !options.q) throw invalid('Name alerts by id, or narrow with --source, --tag or --q; dismissing the whole queue is not a script’s job.', [{ path: 'ids', message: 'ids or a filter' }]);
        let total = 0;
        // Dismissed alerts leave the "new" view, so the first page is always the next batch.
        for (;;) {
          const page = await listAlerts(ctx, { ...toInput(options), statuses: ['new'], limit: Math.min(TRIAGE_BATCH_MAX, 200) });
          if (!page.items.length) return total;
          total += (await dismissAlerts(ctx, { alert_ids: page.items.map((a) => a.id), reason: options.reason })).length;
        }
      });
      console.log(`Dismissed ${count} alert${count === 1 ? '' : 's'}.`);
    });

  alerts
    .command('reopen <ids...>')
    .description('Put dismissed alerts back in the queue')
    .action(async (ids: string[]) => {
      const reopened = await withSystemContext((ctx) => reopenAlerts(ctx, { alert_ids: ids }));
      console.log(`Reopened ${reopened.length} alert${reopened.length === 1 ? '' : 's'}.`);
    });
}
