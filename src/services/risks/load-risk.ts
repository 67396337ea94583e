import { notFound, stale } from '../../domain/errors.js';
import type { Db } from '../../store/database.js';
import { findRisk, lockRisk } from '../../store/repositories/risks.js';
import type { UnitOfWork } from '../transaction.js';
import { toRiskRecord, type RiskRecord } from './risk-record.js';

/** A risk of the organisation by id or number (`RISK-0007`); 404 otherwise. */
export async function loadRisk(db: Db, organisationId: string, idOrNumber: string): Promise<RiskRecord> {
  const row = await findRisk(db, organisationId, idOrNumber);
  if (!row) throw notFound(`Risk ${idOrNumber}`);
  return toRiskRecord(row);
}

/** Loads a risk for a change inside a transaction: row-locked, and at the expected version when given (412 otherwise). */
export async function loadRiskForChange(uow: UnitOfWork, idOrNumber: string, expectedVersion?: number): Promise<RiskRecord> {
  const row = await lockRisk(uow.db, uow.engine, uow.actor.organisationId, idOrNumber);
  if (!row) throw notFound(`Risk ${idOrNumber}`);
  const risk = toRiskRecord(row);
  if (expectedVersion !== undefined && expectedVersion !== risk.version) throw stale(risk.version);
  return risk;
}
