/**
 * Checks on regimes as data that a shape alone cannot make: unique ids, known time zones, and
 * chained stages that point back to an earlier, single stage of the same regime. Paths are dotted
 * from `prefix` (e.g. `custom_regimes.0.stages.2.clocks.0.start.stage`).
 */
import { isValidTimeZone } from '../clocks.js';
import type { FieldProblem } from '../errors.js';
import type { RegimeDefinition } from './types.js';

export function regimeProblems(regimes: readonly RegimeDefinition[], options: { prefix: string; reservedIds?: readonly string[] }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>(options.reservedIds ?? []);
  regimes.forEach((regime, r) => {
    const at = `${options.prefix}.${r}`;
    if (seen.has(regime.id)) problems.push({ path: `${at}.id`, message: `${regime.id} is already taken${options.reservedIds?.includes(regime.id) ? ' by a built-in regime' : ''}; choose another id` });
    seen.add(regime.id);
    if (regime.time_zone !== 'organisation' && !isValidTimeZone(regime.time_zone)) problems.push({ path: `${at}.time_zone`, message: `not an IANA time zone: ${regime.time_zone} (or say organisation)` });
    const earlier = new Map<string, boolean>(); // stage id → per-state
    regime.stages.forEach((stage, s) => {
      const stageAt = `${at}.stages.${s}`;
      if (stage.time_zone !== undefined && !isValidTimeZone(stage.time_zone)) problems.push({ path: `${stageAt}.time_zone`, message: `not an IANA time zone: ${stage.time_zone}` });
      stage.clocks.forEach((clock, c) => {
        if (clock.start.from !== 'stage') return;
        const target = clock.start.stage;
        const path = `${stageAt}.clocks.${c}.start.stage`;
        if (!earlier.has(target)) problems.push({ path, message: `${target} is not a stage listed before ${stage.id} in this regime` });
        else if (earlier.get(target)) problems.push({ path, message: `${target} is per state and has no single deadline to start from` });
      });
      earlier.set(stage.id, stage.per_state !== undefined || earlier.get(stage.id) === true);
    });
  });
  return problems;
}
