import type { RiskAppetite } from '../../domain/risk-appetite.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { riskAppetiteOf } from './risk-settings.js';

/** The organisation's risk appetite: the highest acceptable residual level and the loss tolerance curve. */
export async function getRiskAppetite(ctx: ServiceContext): Promise<RiskAppetite> {
  authorize(ctx.actor, 'risk.read');
  return riskAppetiteOf(ctx.database.db, ctx.actor.organisationId);
}
