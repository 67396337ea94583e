import { systemActor, type ServiceDeps } from '../services/context.js';
import { verifyDueEvidence } from '../services/evidence/verify-due-evidence.js';
import type { Job, JobLog } from './scheduler.js';

/**
 * Re-verifies stored evidence on a schedule: every few minutes, the few active items whose last check is
 * older than BULWARK_EVIDENCE_VERIFY_HOURS. A failure raises an alert on the incident (the service does)
 * and is logged here.
 */
export function evidenceVerificationJob(deps: ServiceDeps, organisationId: string, options: { log?: JobLog | undefined; everyHours?: number | undefined; everyMs?: number; firstAfterMs?: number | undefined } = {}): Job {
  const ctx = { ...deps, actor: systemActor(organisationId) };
  return {
    name: 'evidence-verification',
    everyMs: options.everyMs ?? 5 * 60_000,
    firstAfterMs: options.firstAfterMs ?? 3 * 60_000,
    run: async () => {
      if (!deps.evidence) return { checked: 0, failures: [] };
      const run = await verifyDueEvidence(ctx, { ...(options.everyHours !== undefined ? { everyHours: options.everyHours } : {}) });
      for (const failure of run.failures) options.log?.error({ job: 'evidence-verification', ...failure }, `evidence ${failure.evidence_id} failed its integrity check (${failure.status})`);
      return { checked: run.checked, failures: run.failures.length };
    },
  };
}
