import { deriveObligations } from '../../domain/obligations/engine.js';
import { BUILT_IN_REGIMES } from '../../domain/obligations/regimes.js';
import type { Obligation, ObligationFacts, RegimeDefinition } from '../../domain/obligations/types.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';

/**
 * The obligations incident facts would create, under the built-in regimes and any the caller
 * brings to try: a what-if for legal and for scripts. Nothing is saved.
 */
export function previewObligations(ctx: ServiceContext, input: ObligationFacts & { custom_regimes?: RegimeDefinition[] }): { obligations: Obligation[] } {
  authorize(ctx.actor, 'incident.read');
  const { custom_regimes: custom = [], ...facts } = input;
  return { obligations: deriveObligations(facts, [...BUILT_IN_REGIMES, ...custom]) };
}
