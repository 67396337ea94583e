import { Option, type Command } from 'commander';
import { createWebhook } from '../../services/webhooks/create-webhook.js';
import { deleteWebhook } from '../../services/webhooks/delete-webhook.js';
import { dispatchDueWebhooks } from '../../services/webhooks/dispatch-webhooks.js';
import { listWebhooks } from '../../services/webhooks/list-webhooks.js';
import { printJson, printTable, withSystemContext } from '../system-context.js';

const list = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean);

export function registerWebhook(program: Command): void {
  const webhook = program.command('webhook').description('Manage outbound webhooks (see docs/webhooks.md)');

  webhook
    .command('create')
    .description('Subscribe a receiver to events; the signing secret is printed once, on the last line')
    .requiredOption('--name <name>', 'who receives it, e.g. "SOAR"')
    .requiredOption('--url <url>', 'http(s) URL events are POSTed to')
    .requiredOption('--events <types>', 'comma-separated event types, families like "incident.*", or "*"', list)
    .option('--secret <secret>', 'your own signing secret (at least 16 characters); generated when absent')
    .option('--include-restricted', 'also send events about restricted incidents')
    .addOption(new Option('--paused', 'create it paused'))
    .option('--json', 'print the webhook record as JSON before the secret')
    .action(async (options: { name: string; url: string; events: string[]; secret?: string; includeRestricted?: boolean; paused?: boolean; json?: boolean }) => {
      const { webhook: created, secret } = await withSystemContext((ctx) =>
        createWebhook(ctx, { name: options.name, url: options.url, event_types: options.events, secret: options.secret, include_restricted: options.includeRestricted ?? false, enabled: !options.paused }),
      );
      if (options.json) printJson(created);
      else console.log(`Created webhook ${created.id} "${created.name}" → ${created.url} for ${created.event_types.join(', ')}. Signing secret (not shown again):`);
      console.log(secret);
    });

  webhook
    .command('list')
    .description('List webhooks (secrets are never shown)')
    .option('--json', 'print the webhooks as JSON')
    .action(async (options: { json?: boolean }) => {
      const hooks = await withSystemContext((ctx) => listWebhooks(ctx));
      if (options.json) return printJson(hooks);
      if (!hooks.length) return console.log('No webhooks yet.');
      printTable(['ID', 'NAME', 'STATUS', 'EVENTS', 'URL'], hooks.map((h) => [h.id, h.name, h.enabled ? 'active' : 'paused', h.event_types.join(','), h.url]));
    });

  webhook
    .command('delete <id>')
    .description('Delete a webhook with its delivery log and queued deliveries')
    .action(async (id: string) => {
      await withSystemContext((ctx) => deleteWebhook(ctx, id));
      console.log(`Deleted webhook ${id}.`);
    });

  webhook
    .command('dispatch')
    .description('Send the deliveries that are due now, once (serve does this every second)')
    .action(async () => {
      const result = await withSystemContext((ctx) => dispatchDueWebhooks(ctx));
      console.log(`Delivered ${result.delivered}, retrying later ${result.retrying}, failed ${result.failed}, paused ${result.paused}.`);
    });
}
