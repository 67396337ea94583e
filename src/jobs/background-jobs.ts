import { systemActor, type ServiceDeps } from '../services/context.js';
import { purgeExpired } from '../services/maintenance/purge-expired.js';
import { dispatchDueWebhooks } from '../services/webhooks/dispatch-webhooks.js';
import { pruneWebhookLog } from '../services/webhooks/prune-webhook-log.js';
import type { MailProvider } from '../services/mail/mail-message.js';
import { noMailProvider } from '../services/mail/none-provider.js';
import { actionItemRemindersJob } from './action-item-reminders.js';
import { emailDispatchJob } from './email-dispatch.js';
import { obligationRemindersJob } from './obligation-reminders.js';
import { escalationDeputiesJob } from './escalation-deputies.js';
import { evidenceVerificationJob } from './evidence-verification.js';
import { riskRemindersJob } from './risk-reminders.js';
import { statusUpdateRemindersJob } from './status-update-reminders.js';
import { startScheduler, type Job, type JobLog, type Scheduler } from './scheduler.js';

const MINUTE_MS = 60_000;

export interface BackgroundJobOptions {
  purgeEveryMs?: number;
  firstAfterMs?: number;
  /** How often due webhook deliveries are looked for. */
  webhookEveryMs?: number;
  /** Where e-mails go (from BULWARK_SMTP_URL); none: they stay queued. */
  mail?: MailProvider;
  emailEveryMs?: number;
  remindersEveryMs?: number;
  /** Stored evidence is re-verified when its last check is older than this (BULWARK_EVIDENCE_VERIFY_HOURS). */
  evidenceVerifyHours?: number;
  log?: JobLog;
}

/** The jobs `bulwark serve` runs next to the API. Every node of a cluster runs them; they are idempotent. */
export function backgroundJobs(deps: ServiceDeps, organisationId: string, options: BackgroundJobOptions = {}): Job[] {
  const system = { ...deps, actor: systemActor(organisationId) };
  return [
    {
      name: 'purge-expired',
      everyMs: options.purgeEveryMs ?? 15 * MINUTE_MS,
      firstAfterMs: options.firstAfterMs ?? MINUTE_MS,
      run: () => purgeExpired(system),
    },
    {
      name: 'webhook-dispatch',
      everyMs: options.webhookEveryMs ?? 1000,
      firstAfterMs: options.webhookEveryMs ?? 1000,
      run: () => dispatchDueWebhooks(deps),
    },
    {
      name: 'webhook-log-prune',
      everyMs: options.purgeEveryMs ?? 15 * MINUTE_MS,
      firstAfterMs: options.firstAfterMs ?? MINUTE_MS,
      run: () => pruneWebhookLog(system),
    },
    emailDispatchJob(deps, options.mail ?? noMailProvider(), options.emailEveryMs, { log: options.log }),
    riskRemindersJob(deps, organisationId, options.log, options.remindersEveryMs, options.firstAfterMs),
    actionItemRemindersJob(deps, organisationId, options.log, options.remindersEveryMs, options.firstAfterMs),
    obligationRemindersJob(deps, organisationId, options.log, options.remindersEveryMs, options.firstAfterMs),
    statusUpdateRemindersJob(deps, organisationId, options.log, options.remindersEveryMs, options.firstAfterMs),
    escalationDeputiesJob(deps, organisationId, options.log, undefined, options.firstAfterMs),
    evidenceVerificationJob(deps, organisationId, { log: options.log, everyHours: options.evidenceVerifyHours, firstAfterMs: options.firstAfterMs }),
  ];
}

export function startBackgroundJobs(deps: ServiceDeps, organisationId: string, log: JobLog, options: BackgroundJobOptions = {}): Scheduler {
  return startScheduler(backgroundJobs(deps, organisationId, { log, ...options }), log);
}
