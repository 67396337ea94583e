import type { RiskMatrix } from '../../domain/risk-matrix.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { riskMatrixOf } from './risk-settings.js';

/** The organisation's likelihood × impact matrix (every role reads it). */
export async function getRiskMatrix(ctx: ServiceContext): Promise<RiskMatrix> {
  authorize(ctx.actor, 'risk.read');
  return riskMatrixOf(ctx.database.db, ctx.actor.organisationId);
}
