import { systemActor, type ServiceDeps } from '../services/context.js';
import { sendActionItemReminders } from '../services/action-items/send-action-item-reminders.js';
import type { Job, JobLog } from './scheduler.js';

/**
 * Overdue action items e-mailed to their owners: the job runs hourly, each owner still gets at most
 * one e-mail a day. Owners who cannot be e-mailed are logged.
 */
export function actionItemRemindersJob(deps: ServiceDeps, organisationId: string, log?: JobLog, everyMs = 3_600_000, firstAfterMs = 120_000): Job {
  const ctx = { ...deps, actor: systemActor(organisationId) };
  return {
    name: 'action-item-reminders',
    everyMs,
    firstAfterMs,
    run: async () => {
      const run = await sendActionItemReminders(ctx);
      for (const skipped of run.skipped) (log?.warn ?? log?.error)?.call(log, { job: 'action-item-reminders', ...skipped }, `action item reminder not sent: ${skipped.reason}`);
      return run;
    },
  };
}
