import { lockIngestion } from '../../store/repositories/alert-ingest.js';
import { activeAlertRules } from '../../store/repositories/alert-rules.js';
import { lockIncident } from '../../store/repositories/incidents.js';
import { toAlertRuleRecord } from '../alert-rules/alert-rule-record.js';
import type { ServiceContext } from '../context.js';
import { toIncidentRecord, type IncidentRecord } from '../incidents/incident-record.js';
import { runInTransaction, type UnitOfWork } from '../transaction.js';
import { enqueueWebhookEvents } from '../webhooks/enqueue-webhook-events.js';
import type { CheckedAlert } from './alert-input.js';
import type { CheckedRequest, IngestResult } from './ingest-report.js';
import { countOutcomes, planIntake } from './plan-intake.js';
import { writeIntake } from './write-intake.js';

/** Open incidents named by enabled attach rules, locked: their timelines get an entry. */
async function openIncidentsOf(uow: UnitOfWork, incidentIds: string[]): Promise<Map<string, IncidentRecord>> {
  const open = new Map<string, IncidentRecord>();
  for (const id of [...new Set(incidentIds)]) {
    const row = await lockIncident(uow.db, uow.engine, uow.actor.organisationId, id);
    if (row && row.phase !== 'closed') open.set(id, toIncidentRecord(row));
  }
  return open;
}

/**
 * Stores the valid alerts of one or more requests in one transaction and fills in their results. In
 * order: snooze rules drop, the same (source, source_ref) counts as a repeat, fingerprint rules fold,
 * the rest are new, correlated into groups and possibly attached to an incident by a rule. Each
 * request still gets its own audit entry and events. Answers the transaction's time.
 */
export async function storeRequests(ctx: ServiceContext, requests: CheckedRequest[]): Promise<string> {
  return runInTransaction(ctx, async (uow) => {
    const all = new Map<number, CheckedAlert>();
    const origin: Array<{ request: CheckedRequest; index: number }> = [];
    for (const request of requests) {
      for (const [index, alert] of request.valid) {
        all.set(origin.length, alert);
        origin.push({ request, index });
      }
    }
    await lockIngestion(uow.db, uow.engine, ctx.actor.organisationId);
    const rules = (await activeAlertRules(uow.db, ctx.actor.organisationId, uow.now)).map(toAlertRuleRecord);
    const incidents = await openIncidentsOf(uow, rules.filter((r) => r.kind === 'attach' && r.incident_id).map((r) => r.incident_id!));
    const plan = await planIntake(uow, rules, all, new Set(incidents.keys()));
    await writeIntake(uow, ctx.database, all, plan, incidents);
    for (const [global, decision] of plan.decisions) {
      const { request, index } = origin[global]!;
      const ruleId = 'rule_id' in decision ? decision.rule_id : decision.outcome === 'attached' ? decision.attach!.id : undefined;
      request.results[index] = {
        index,
        outcome: decision.outcome,
        alert_id: 'alert_id' in decision ? decision.alert_id : null,
        ...(ruleId ? { rule_id: ruleId } : {}),
        ...(decision.outcome === 'attached' ? { incident_id: decision.attach!.incident_id! } : {}),
      };
    }
    for (const request of requests) await announce(uow, request, incidents);
    return uow.now;
  });
}

/** One audit entry and one `alerts.ingested` event per request; per-alert events for webhooks and single alerts. */
async function announce(uow: UnitOfWork, { batch, results }: CheckedRequest, incidents: ReadonlyMap<string, IncidentRecord>): Promise<void> {
  const received = results.length;
  const counts = countOutcomes(results.map((r) => r.outcome));
  const touched: IngestResult[] = results.filter((r) => r.alert_id !== null);
  const stored = counts.created + counts.attached;
  await uow.audit('alerts.ingested', { type: 'alert', id: touched[0]?.alert_id ?? results.find((r) => r.rule_id)?.rule_id ?? 'none' }, { received, ...counts });
  const perAlert = touched.map((r) => {
    const incidentId = r.incident_id;
    return {
      type: r.outcome === 'created' || r.outcome === 'attached' ? 'alert.created' : 'alert.updated',
      entity_id: r.alert_id!,
      ...(incidentId ? { incident_id: incidentId, restricted: incidents.get(incidentId)!.restricted } : {}),
    };
  });
  if (!batch) {
    for (const event of perAlert) uow.emit(event);
    return;
  }
  if (touched.length > 0) uow.emit({ type: 'alerts.ingested', entity_id: touched[0]!.alert_id!, count: stored });
  await enqueueWebhookEvents(uow, perAlert);
}
