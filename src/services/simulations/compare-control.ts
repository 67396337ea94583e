import type { ControlComparison } from '../../domain/fair/compare.js';
import type { FairInputs } from '../../domain/fair/inputs.js';
import { findRisk } from '../../store/repositories/risks.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { loadRisk } from '../risks/load-risk.js';
import { checkedInputs, runSettings, savedInputs } from './simulation-record.js';
import { simulationPool } from './simulation-pool.js';

export interface CompareInput {
  /** Before: these inputs, or risk_id's saved ones. */
  inputs?: (FairInputs & { iterations?: number | undefined; seed?: number | undefined }) | undefined;
  risk_id?: string | undefined;
  after: FairInputs & { iterations?: number | undefined; seed?: number | undefined };
  control_cost_per_year: number;
  iterations?: number | undefined;
  seed?: number | undefined;
}

/** POST /simulations/compare: a risk before and after a proposed control, and the return on that control. Nothing is saved. */
export async function compareControlOnRisk(ctx: ServiceContext, input: CompareInput): Promise<ControlComparison> {
  authorize(ctx.actor, 'risk.read');
  let before: FairInputs & { iterations?: number | undefined; seed?: number | undefined };
  if (input.inputs) before = checkedInputs(input.inputs, 'inputs.');
  else {
    const risk = await loadRisk(ctx.database.db, ctx.actor.organisationId, input.risk_id ?? '');
    const row = (await findRisk(ctx.database.db, ctx.actor.organisationId, risk.id))!;
    before = savedInputs({ number: row.number, fair_inputs: row.fair_inputs });
  }
  const { iterations: _bi, seed: _bs, ...beforeInputs } = before;
  const { iterations: _ai, seed: _as, ...afterInputs } = checkedInputs(input.after, 'after.');
  const settings = runSettings(input, before);
  const { answer } = await simulationPool().run({ kind: 'compare', before: beforeInputs, after: afterInputs, control_cost_per_year: input.control_cost_per_year, ...settings });
  return answer as ControlComparison;
}
