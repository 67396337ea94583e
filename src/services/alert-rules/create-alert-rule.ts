import type { AlertRuleKind, RuleConditions } from '../../domain/alert-rules.js';
import { newId } from '../../domain/ids.js';
import { writeJson } from '../../store/dialect.js';
import { findAlertRule, insertAlertRule } from '../../store/repositories/alert-rules.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { runInTransaction } from '../transaction.js';
import { toAlertRuleRecord, type AlertRuleRecord } from './alert-rule-record.js';
import { checkAlertRule } from './check-alert-rule.js';

export interface AlertRuleInput {
  kind: AlertRuleKind;
  name: string;
  enabled?: boolean | undefined;
  conditions?: RuleConditions | undefined;
  fields?: string[] | undefined;
  window_seconds?: number | null | undefined;
  until?: string | null | undefined;
  incident_id?: string | null | undefined;
}

export async function createAlertRule(ctx: ServiceContext, input: AlertRuleInput): Promise<AlertRuleRecord> {
  authorize(ctx.actor, 'alert.rules.manage');
  return runInTransaction(ctx, async (uow) => {
    const shape = {
      kind: input.kind,
      conditions: input.conditions ?? {},
      fields: input.fields ?? [],
      window_seconds: input.window_seconds ?? null,
      until: input.until ?? null,
      incident_id: input.incident_id ?? null,
    };
    await checkAlertRule(uow, shape);
    const id = newId('alertRule');
    await insertAlertRule(uow.db, {
      id,
      organisation_id: uow.actor.organisationId,
      name: input.name,
      enabled: input.enabled ?? true,
      ...shape,
      conditions: writeJson(shape.conditions),
      fields: writeJson(shape.fields),
      matched_count: 0,
      created_at: uow.now,
      created_by: uow.actor.userId,
      updated_at: uow.now,
      version: 1,
    });
    await uow.audit('alert_rule.created', { type: 'alert_rule', id }, { kind: input.kind, name: input.name });
    uow.emit({ type: 'alert_rule.created', entity_id: id, version: 1 });
    return toAlertRuleRecord((await findAlertRule(uow.db, uow.actor.organisationId, id))!);
  });
}
