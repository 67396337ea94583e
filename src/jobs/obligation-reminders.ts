import { systemActor, type ServiceDeps } from '../services/context.js';
import { sendObligationReminders } from '../services/obligations/send-obligation-reminders.js';
import type { Job, JobLog } from './scheduler.js';

/**
 * Escalating reminders of notification deadlines. Runs every minute: the last levels (1 h before,
 * late) must not wait for an hourly tick. Obligations nobody can be e-mailed about are logged.
 */
export function obligationRemindersJob(deps: ServiceDeps, organisationId: string, log?: JobLog, everyMs = 60_000, firstAfterMs = 60_000): Job {
  const ctx = { ...deps, actor: systemActor(organisationId) };
  return {
    name: 'obligation-reminders',
    everyMs,
    firstAfterMs,
    run: async () => {
      const run = await sendObligationReminders(ctx);
      for (const missed of run.unaddressed) (log?.warn ?? log?.error)?.call(log, { job: 'obligation-reminders', ...missed }, 'obligation reminder not e-mailed: the incident has no commander or legal counsel with an e-mail address');
      return run;
    },
  };
}
