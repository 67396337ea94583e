import type { AlertRuleKind } from '../../domain/alert-rules.js';
import { notFound } from '../../domain/errors.js';
import { findAlertRule, listAlertRules as listRuleRows } from '../../store/repositories/alert-rules.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { toAlertRuleRecord, type AlertRuleRecord } from './alert-rule-record.js';

/** The organisation's ingestion rules, oldest first (the order they apply in). */
export async function listAlertRules(ctx: ServiceContext, kind?: AlertRuleKind): Promise<AlertRuleRecord[]> {
  authorize(ctx.actor, 'alert.read');
  return (await listRuleRows(ctx.database.db, ctx.actor.organisationId, kind)).map(toAlertRuleRecord);
}

export async function getAlertRule(ctx: ServiceContext, id: string): Promise<AlertRuleRecord> {
  authorize(ctx.actor, 'alert.read');
  const row = await findAlertRule(ctx.database.db, ctx.actor.organisationId, id);
  if (!row) throw notFound(`Alert rule ${id}`);
  return toAlertRuleRecord(row);
}
