import { systemActor, type ServiceDeps } from '../services/context.js';
import { callOverdueDeputies } from '../services/escalations/call-overdue-deputies.js';
import type { Job, JobLog } from './scheduler.js';

/**
 * Calls a deputy when someone the escalation matrix called has not acknowledged in time. Runs every
 * minute: response times are minutes, and a run that finds nothing overdue costs one query.
 */
export function escalationDeputiesJob(deps: ServiceDeps, organisationId: string, log?: JobLog, everyMs = 60_000, firstAfterMs = 60_000): Job {
  const ctx = { ...deps, actor: systemActor(organisationId) };
  return {
    name: 'escalation-deputies',
    everyMs,
    firstAfterMs,
    run: async () => {
      const run = await callOverdueDeputies(ctx);
      for (const left of run.no_deputy) log?.warn?.({ job: 'escalation-deputies', ...left }, 'escalation not acknowledged in time and no deputy left to call: reported to the commanders and managers');
      return run;
    },
  };
}
