import type { IncidentRole } from '../../domain/access.js';
import { isOverdue, nextDeputy } from '../../domain/escalation.js';
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

export interface DeputyRun {
  called: Array<{ incident_id: string; stands_in_for: string; deputy_contact_id: string; escalation_id: string }>;
  /** Overdue calls with no deputy left to call. */
  no_deputy: Array<{ incident_id: string; escalation_id: string; contact_id: string }>;
}

/**
 * For each call not acknowledged within its time, calls the contact's first deputy not yet called
 * for the incident, once per call. Uses the plan version that made the call. Safe to run as often as
 * wanted: a call a deputy already stands in for is not looked at again.
 */
export async function callOverdueDeputies(ctx: ServiceContext): Promise<DeputyRun> {
  authorize(ctx.actor, 'settings.manage');
  return runInTransaction(ctx, async (uow) => {
    const run: DeputyRun = { called: [], no_deputy: [] };
    const overdue = (await listUnansweredEscalations(uow.db, uow.actor.organisationId)).filter((e) => isOverdue(e, uow.now));
    for (const call of overdue) {
      if (!call.plan_id) continue;
      const locked = await lockIncident(uow.db, uow.engine, uow.actor.organisationId, call.incident_id);
      const planRow = await findPlanVersion(uow.db, uow.actor.organisationId, call.plan_id);
      if (!locked || !planRow) continue;
      const incident = toIncidentRecord(locked);
      const plan = readJson<PlanContent>(planRow.content);
      const prior = await listEscalationsOfIncident(uow.db, incident.id);
      // Re-read under the lock: a run on another node may have called the deputy a moment ago.
      if (prior.some((e) => e.trigger === 'deputy' && e.rule_id === call.id) || prior.find((e) => e.id === call.id)?.acknowledged_at) continue;
      const deputy = nextDeputy(plan.team ?? [], call.contact_id, new Set(prior.map((e) => e.contact_id)));
      if (!deputy) {
        run.no_deputy.push({ incident_id: incident.id, escalation_id: call.id, contact_id: call.contact_id });
        continue;
      }
      const [made] = await callContacts(uow, incident, { id: planRow.id, content: plan }, 'deputy', [
        { contact: deputy, rule_id: call.id, respond_within_minutes: call.respond_within_minutes!, standing_in_for: call.contact_name, fallback_role: call.incident_role as IncidentRole | null },
      ]);
      await recordTimelineEntry(uow, incident, {
        kind: 'escalation_sent',
        body: `Escalation (deputy): ${call.contact_name} did not acknowledge within ${call.respond_within_minutes} min; called ${describeCall(made!)}`,
        details: { trigger: 'deputy', severity: incident.severity, stands_in_for: { escalation_id: call.id, contact_id: call.contact_id }, plan_id: planRow.id, plan_version: planRow.plan_version, calls: [made] },
      });
      await uow.audit('escalation.send', { type: 'incident', id: incident.id }, { trigger: 'deputy', stands_in_for: call.id, calls: [{ escalation_id: made!.escalation_id, contact_id: deputy.id, emailed_to: made!.emailed_to, role: made!.role, role_outcome: made!.role_outcome }] });
      run.called.push({ incident_id: incident.id, stands_in_for: call.id, deputy_contact_id: deputy.id, escalation_id: made!.escalation_id });
    }
    return run;
  });
}
