import type { ServiceDeps } from '../services/context.js';
import { dispatchDueEmails, type EmailDispatchOptions } from '../services/mail/dispatch-emails.js';
import type { MailProvider } from '../services/mail/mail-message.js';
import type { Job, JobLog } from './scheduler.js';

/**
 * Sends queued e-mails every few seconds. With no mail server configured they stay queued; that is
 * logged as a warning once an hour at most, not every run.
 */
export function emailDispatchJob(deps: ServiceDeps, provider: MailProvider, everyMs = 5000, options: EmailDispatchOptions & { log?: JobLog | undefined } = {}): Job {
  let warnedAt = -Infinity;
  return {
    name: 'email-dispatch',
    everyMs,
    firstAfterMs: everyMs,
    run: async () => {
      const result = await dispatchDueEmails(deps, provider, options);
      const log = options.log;
      if (result.skipped > 0 && log && Date.now() - warnedAt > 3_600_000) {
        warnedAt = Date.now();
        (log.warn ?? log.error).call(log, { job: 'email-dispatch', skipped: result.skipped }, `e-mails skipped: ${result.reason ?? 'no mail server configured'}`);
      }
      return result;
    },
  };
}
