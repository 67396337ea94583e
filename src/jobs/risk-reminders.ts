import { systemActor, type ServiceDeps } from '../services/context.js';
import { sendRiskReminders } from '../services/risk-reminders/send-risk-reminders.js';
import type { Job, JobLog } from './scheduler.js';

/**
 * Risk reminders (overdue reviews, expired acceptances, mitigations past due) every hour; each owner
 * still gets at most one e-mail a day. Owners who cannot be e-mailed are logged.
 */
export function riskRemindersJob(deps: ServiceDeps, organisationId: string, log?: JobLog, everyMs = 3_600_000, firstAfterMs = 120_000): Job {
  const ctx = { ...deps, actor: systemActor(organisationId) };
  return {
    name: 'risk-reminders',
    everyMs,
    firstAfterMs,
    run: async () => {
      const run = await sendRiskReminders(ctx);
      for (const skipped of run.skipped) (log?.warn ?? log?.error)?.call(log, { job: 'risk-reminders', ...skipped }, `risk reminder not sent: ${skipped.reason}`);
      return run;
    },
  };
}
