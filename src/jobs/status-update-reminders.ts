import { systemActor, type ServiceDeps } from '../services/context.js';
import { sendStatusUpdateReminders } from '../services/communications/send-status-update-reminders.js';
import type { Job, JobLog } from './scheduler.js';

/**
 * Status updates due under the plan's cadence: looked for every minute (cadences are counted in
 * hours, so a minute late is on time), each due time reminded once.
 */
export function statusUpdateRemindersJob(deps: ServiceDeps, organisationId: string, log?: JobLog, everyMs = 60_000, firstAfterMs = 60_000): Job {
  const ctx = { ...deps, actor: systemActor(organisationId) };
  return {
    name: 'status-update-reminders',
    everyMs,
    firstAfterMs,
    run: async () => {
      const run = await sendStatusUpdateReminders(ctx);
      for (const missed of run.unaddressed) (log?.warn ?? log?.error)?.call(log, { job: 'status-update-reminders', ...missed }, 'status update due but no commander or communications lead to e-mail');
      return run;
    },
  };
}
