import type { RiskControlStatus } from '../../domain/controls.js';
import { newId } from '../../domain/ids.js';
import { findRisk, insertRiskHistory } from '../../store/repositories/risks.js';
import type { RiskControlRow } from '../../store/schema.js';
import type { UnitOfWork } from '../transaction.js';
import { rescoreRisks } from '../risks/rescore-risks.js';
import type { ControlRecord } from './control-record.js';

/** A risk's reliance on a control, as the link endpoints answer it. */
export interface RiskControlLink {
  risk_id: string;
  control_id: string;
  ref: string;
  title: string;
  implementation_status: string;
  effectiveness: number | null;
  status: RiskControlStatus;
  owner_id: string | null;
  due_at: string | null;
  note: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  version: number;
}

export function toRiskControlLink(row: RiskControlRow, control: ControlRecord): RiskControlLink {
  return {
    risk_id: row.risk_id,
    control_id: row.control_id,
    ref: control.ref,
    title: control.title,
    implementation_status: control.implementation_status,
    effectiveness: control.effectiveness,
    status: row.status as RiskControlStatus,
    owner_id: row.owner_id,
    due_at: row.due_at,
    note: row.note,
    created_at: row.created_at,
    created_by: row.created_by,
    updated_at: row.updated_at,
    version: Number(row.version),
  };
}

/**
 * After a link changed: re-scores the risk (its residual follows its controls) and makes sure the
 * change is in the risk's history: the re-score writes the entry when the scores moved, else one is
 * written here with the scores as they stand.
 */
export async function recordLinkChange(uow: UnitOfWork, riskId: string, action: string, reason: string, changes: Record<string, { before: unknown; after: unknown }>, source: Record<string, unknown>): Promise<void> {
  const summary = await rescoreRisks(uow, [riskId], { action, reason, source });
  if (summary.changed.includes(riskId)) return;
  const risk = (await findRisk(uow.db, uow.actor.organisationId, riskId))!;
  await insertRiskHistory(uow.db, [
    {
      id: newId('riskHistory'),
      organisation_id: uow.actor.organisationId,
      risk_id: riskId,
      at: uow.now,
      actor_id: uow.actor.userId,
      action,
      changes,
      reason,
      source,
      inherent_level: risk.inherent_level,
      residual_level: risk.residual_level,
      annual_loss_mean: risk.annual_loss_mean === null ? null : Number(risk.annual_loss_mean),
    },
  ]);
}
