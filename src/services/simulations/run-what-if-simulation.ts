import type { FairInputs } from '../../domain/fair/inputs.js';
import type { SimulationResult } from '../../domain/fair/statistics.js';
import type { ServiceContext } from '../context.js';
import { authorize } from '../policies/authorize.js';
import { checkedInputs, runSettings } from './simulation-record.js';
import { simulationPool } from './simulation-pool.js';

/** POST /simulations: FAIR on inputs in the request, on a worker thread; nothing is saved. */
export async function runWhatIfSimulation(ctx: ServiceContext, spec: FairInputs & { iterations?: number | undefined; seed?: number | undefined }): Promise<SimulationResult> {
  authorize(ctx.actor, 'risk.read');
  const { iterations: _i, seed: _s, ...inputs } = spec;
  const settings = runSettings(spec);
  const { answer } = await simulationPool().run({ kind: 'simulate', inputs: checkedInputs(inputs), ...settings });
  return answer as SimulationResult;
}
