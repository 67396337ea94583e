import { notFound, stale } from '../../domain/errors.js';
import { writeJson } from '../../store/dialect.js';
import { findAlertRule, updateAlertRule as writeRule } from '../../store/repositories/alert-rules.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { toAlertRuleRecord, type AlertRuleRecord } from './alert-rule-record.js';
import { checkAlertRule } from './check-alert-rule.js';
import type { AlertRuleInput } from './create-alert-rule.js';

export type AlertRuleChanges = Partial<Omit<AlertRuleInput, 'kind'>>;

/** Edits a rule (its kind stays); needs the version the editor saw. */
export async function updateAlertRule(ctx: ServiceContext, id: string, expectedVersion: number, changes: AlertRuleChanges): Promise<AlertRuleRecord> {
  authorize(ctx.actor, 'alert.rules.manage');
  return runInTransaction(ctx, async (uow) => {
    const row = await findAlertRule(uow.db, uow.actor.organisationId, id, true);
    if (!row) throw notFound(`Alert rule ${id}`);
    const current = toAlertRuleRecord(row);
    if (current.version !== expectedVersion) throw stale(current.version);
    const next = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
    await checkAlertRule(uow, { kind: current.kind, conditions: next.conditions, fields: next.fields, window_seconds: next.window_seconds, until: next.until, incident_id: next.incident_id });
    await writeRule(uow.db, id, {
      name: next.name,
      enabled: next.enabled,
      conditions: writeJson(next.conditions),
      fields: writeJson(next.fields),
      window_seconds: next.window_seconds,
      until: next.until,
      incident_id: next.incident_id,
      updated_at: uow.now,
      version: current.version + 1,
    });
    await uow.audit('alert_rule.updated', { type: 'alert_rule', id }, { changed: Object.keys(changes).filter((k) => changes[k as keyof AlertRuleChanges] !== undefined) });
    uow.emit({ type: 'alert_rule.updated', entity_id: id, version: current.version + 1 });
    return toAlertRuleRecord((await findAlertRule(uow.db, uow.actor.organisationId, id))!);
  });
}
