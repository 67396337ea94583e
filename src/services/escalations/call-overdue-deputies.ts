import type { IncidentRole } from '../../domain/access.js';
import { callChain, isOverdue, nextDeputy } from '../../domain/escalation.js';
import type { PlanContent } from '../../domain/plan.js';
import { readJson } from '../../store/dialect.js';
import { findPlanVersion, listEscalationsOfIncident, listUnansweredEscalations } from '../../store/repositories/escalations.js';
import { lockIncident } from '../../store/repositories/incidents.js';
import type { ServiceContext } from '../context.js';
import { toIncidentRecord } from '../incidents/incident-record.js';
import { authorize } from '../policies/authorize.js';
import { recordTimelineEntry } from '../timeline/record-timeline-entry.js';
import { runInTransaction } from '../transaction.js';
import { callContacts, describeCall } from './call-contacts.js';
import { reportUnansweredCall } from './report-unanswered-call.js';

export interface DeputyRun {
  called: Array<{ incident_id: string; stands_in_for: string; deputy_contact_id: string; escalation_id: string }>;
  /** Overdue calls with no deputy left to call, reported now (each once) to the commanders and managers. */
  no_deputy: Array<{ incident_id: string; escalation_id: string; contact_id: string; emailed: string[] }>;
}

/**
 * For each call not acknowledged within its time — the matrix's own or a deputy's — calls the next
 * deputy of the contact the matrix first called, not yet called for the incident, once per call. When
 * nobody is left, reports the call unanswered (once). Uses the plan version that made the first call.
 * Safe to run as often as wanted.
 */
export async function callOverdueDeputies(ctx: ServiceContext): Promise<DeputyRun> {
  authorize(ctx.actor, 'settings.manage');
  return runInTransaction(ctx, async (uow) => {
    const run: DeputyRun = { called: [], no_deputy: [] };
    const overdue = (await listUnansweredEscalations(uow.db, uow.actor.organisationId)).filter((e) => isOverdue(e, uow.now));
    for (const candidate of overdue) {
      if (!candidate.plan_id) continue;
      const locked = await lockIncident(uow.db, uow.engine, uow.actor.organisationId, candidate.incident_id);
      const planRow = await findPlanVersion(uow.db, uow.actor.organisationId, candidate.plan_id);
      if (!locked || !planRow) continue;
      const incident = toIncidentRecord(locked);
      const plan = readJson<PlanContent>(planRow.content);
      const prior = await listEscalationsOfIncident(uow.db, incident.id);
      // Re-read under the lock: a run on another node may have called the deputy or reported it a moment ago.
      const call = prior.find((e) => e.id === candidate.id);
      if (!call || call.acknowledged_at || call.unanswered_at || prior.some((e) => e.trigger === 'deputy' && e.rule_id === call.id)) continue;
      const chain = callChain(prior, call);
      const first = chain[0]!;
      const deputy = nextDeputy(plan.team ?? [], first.contact_id, new Set(prior.map((e) => e.contact_id)));
      if (!deputy) {
        const emailed = await reportUnansweredCall(uow, incident, plan, chain);
        run.no_deputy.push({ incident_id: incident.id, escalation_id: call.id, contact_id: call.contact_id, emailed });
        continue;
      }
      const [made] = await callContacts(uow, incident, { id: planRow.id, content: plan }, 'deputy', [
        { contact: deputy, rule_id: call.id, respond_within_minutes: call.respond_within_minutes!, standing_in_for: first.contact_name, fallback_role: first.incident_role as IncidentRole | null },
      ]);
      const who = call === first ? call.contact_name : `${call.contact_name} (deputy for ${first.contact_name})`;
      await recordTimelineEntry(uow, incident, {
        kind: 'escalation_sent',
        body: `Escalation (deputy): ${who} did not acknowledge within ${call.respond_within_minutes} min; called ${describeCall(made!)}`,
        details: { trigger: 'deputy', severity: incident.severity, stands_in_for: { escalation_id: call.id, contact_id: call.contact_id }, plan_id: planRow.id, plan_version: planRow.plan_version, calls: [made] },
      });
      await uow.audit('escalation.send', { type: 'incident', id: incident.id }, { trigger: 'deputy', stands_in_for: call.id, calls: [{ escalation_id: made!.escalation_id, contact_id: deputy.id, emailed_to: made!.emailed_to, role: made!.role, role_outcome: made!.role_outcome }] });
      run.called.push({ incident_id: incident.id, stands_in_for: call.id, deputy_contact_id: deputy.id, escalation_id: made!.escalation_id });
    }
    return run;
  });
}
