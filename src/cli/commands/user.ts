import { Option, type Command } from 'commander';
import { ROLES, type Role } from '../../domain/access.js';
import { addUser } from '../../services/users/add-user.js';
import { listUsers } from '../../services/users/list-users.js';
import { resetTwoFactor } from '../../services/two-factor/reset-two-factor.js';
import { resetPassword } from '../../services/users/reset-password.js';
import { updateUser } from '../../services/users/update-user.js';
import type { UserRecord } from '../../services/users/user-record.js';
import { printJson, printTable, withSystemContext } from '../system-context.js';

const roleOption = () => new Option('--role <role>', 'organisation role').choices(ROLES);

function describe(user: UserRecord): string {
  return `${user.email} (${user.name}, ${user.role}${user.disabled ? ', disabled' : ''}) ${user.id}`;
}

function printOneTimePassword(password: string | null): void {
  if (password) console.log(`One-time password (shown once; they should change it after signing in):\n${password}`);
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('Manage user accounts');

  user
    .command('add')
    .description('Add a user; without --password a one-time password is generated and printed')
    .requiredOption('--email <email>', 'e-mail address, used to sign in')
    .addOption(roleOption().makeOptionMandatory())
    .option('--name <name>', 'display name (defaults to the part of the e-mail before @)')
    .option('--password <password>', 'initial password')
    .option('--json', 'print the result as JSON')
    .action(async (options: { email: string; role: Role; name?: string; password?: string; json?: boolean }) => {
      const result = await withSystemContext((ctx) => addUser(ctx, { email: options.email, role: options.role, name: options.name, password: options.password }));
      if (options.json) return printJson({ user: result.user, one_time_password: result.oneTimePassword });
      console.log(`Added ${describe(result.user)}`);
      printOneTimePassword(result.oneTimePassword);
    });

  user
    .command('list')
    .description('List users')
    .option('--all', 'include disabled users')
    .option('--json', 'print the users as JSON')
    .action(async (options: { all?: boolean; json?: boolean }) => {
      const users = await withSystemContext((ctx) => listUsers(ctx, { includeDisabled: options.all ?? false }));
      if (options.json) return printJson(users);
      if (!users.length) return console.log('No users yet.');
      printTable(
        ['EMAIL', 'NAME', 'ROLE', 'STATUS', '2FA', 'LAST LOGIN', 'ID'],
        users.map((u) => [u.email, u.name, u.role, u.disabled ? 'disabled' : 'active', u.two_factor_enabled ? 'on' : 'off', u.last_login_at ?? 'never', u.id]),
      );
    });

  for (const [name, disabled] of [['disable', true], ['enable', false]] as const) {
    user
      .command(`${name} <user>`)
      .description(disabled ? 'Disable a user (by e-mail or id) and end their sessions' : 'Enable a disabled user again')
      .action(async (who: string) => {
        const updated = await withSystemContext((ctx) => updateUser(ctx, who, undefined, { disabled }));
        console.log(`${disabled ? 'Disabled' : 'Enabled'} ${describe(updated)}`);
      });
  }

  user
    .command('reset-password <user>')
    .description('Set a new password (by e-mail or id) and sign the user out everywhere; without --password one is generated')
    .option('--password <password>', 'the new password')
    .option('--json', 'print the result as JSON')
    .action(async (who: string, options: { password?: string; json?: boolean }) => {
      const result = await withSystemContext((ctx) => resetPassword(ctx, who, options.password));
      if (options.json) return printJson({ user: result.user, one_time_password: result.oneTimePassword });
      console.log(`Password reset for ${describe(result.user)}`);
      printOneTimePassword(result.oneTimePassword);
    });

  user
    .command('reset-two-factor <user>')
    .description('Take away the second factor of someone (by e-mail or id) who lost their phone and recovery codes; they sign in with the password alone and set it up again')
    .action(async (who: string) => {
      const updated = await withSystemContext((ctx) => resetTwoFactor(ctx, who));
      console.log(`Two-factor sign-in reset for ${describe(updated)}; they were signed out everywhere.`);
    });
}
