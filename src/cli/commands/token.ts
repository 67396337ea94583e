import { Option, type Command } from 'commander';
import { ROLES, type Role } from '../../domain/access.js';
import { toInstant } from '../../domain/time.js';
import { invalid } from '../../domain/errors.js';
import { createApiToken } from '../../services/tokens/create-api-token.js';
import { listApiTokens } from '../../services/tokens/list-api-tokens.js';
import { revokeApiToken } from '../../services/tokens/revoke-api-token.js';
import { printJson, printTable, withSystemContext } from '../system-context.js';

function expiry(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return toInstant(value);
  } catch {
    throw invalid(`--expires-at "${value}" is not a date and time.`, [{ path: 'expires_at', message: 'ISO 8601 date and time' }]);
  }
}

export function registerToken(program: Command): void {
  const token = program.command('token').description('Manage API tokens');

  token
    .command('create')
    .description('Create an API token for a user; the secret is printed once, on the last line')
    .requiredOption('--user <user>', 'owner, by e-mail or id')
    .requiredOption('--name <name>', 'what the token is for, e.g. "SIEM integration"')
    .addOption(new Option('--role <role>', "role the token carries (default: the owner's; never more)").choices(ROLES))
    .option('--expires-at <instant>', 'ISO 8601 expiry, e.g. 2027-06-30T00:00:00Z')
    .option('--json', 'print the token record as JSON before the secret')
    .action(async (options: { user: string; name: string; role?: Role; expiresAt?: string; json?: boolean }) => {
      const expiresAt = expiry(options.expiresAt);
      const { token: created, secret } = await withSystemContext((ctx) =>
        createApiToken(ctx, { user: options.user, name: options.name, role: options.role, expires_at: expiresAt }),
      );
      if (options.json) printJson(created);
      else console.log(`Created token ${created.id} "${created.name}" for ${options.user} with role ${created.role}. Store it now; it is not shown again:`);
      console.log(secret);
    });

  token
    .command('list')
    .description('List API tokens (secrets are never shown)')
    .option('--json', 'print the tokens as JSON')
    .action(async (options: { json?: boolean }) => {
      const tokens = await withSystemContext((ctx) => listApiTokens(ctx));
      if (options.json) return printJson(tokens);
      if (!tokens.length) return console.log('No API tokens yet.');
      printTable(
        ['ID', 'NAME', 'ROLE', 'PREFIX', 'USER', 'STATUS', 'LAST USED'],
        tokens.map((t) => [t.id, t.name, t.role, t.token_prefix, t.user_id, t.revoked_at ? 'revoked' : t.expires_at && t.expires_at < new Date().toISOString() ? 'expired' : 'active', t.last_used_at ?? 'never']),
      );
    });

  token
    .command('revoke <id>')
    .description('Revoke an API token; requests carrying it are refused from now on')
    .action(async (id: string) => {
      const revoked = await withSystemContext((ctx) => revokeApiToken(ctx, id));
      console.log(`Revoked token ${revoked.id} "${revoked.name}" (revoked at ${revoked.revoked_at}).`);
    });
}
