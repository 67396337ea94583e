import type { Command } from 'commander';
import { invalid } from '../../domain/errors.js';
import { DEFAULT_ITERATIONS } from '../../domain/fair/inputs.js';
import { simulate } from '../../domain/fair/simulate.js';
import { exceedanceAt, type SimulationResult } from '../../domain/fair/statistics.js';
import { simulationBody } from '../../api/routes/simulations/schema.js';
import { randomSeed } from '../../services/simulations/simulation-record.js';
import { printJson } from '../system-context.js';
import { readJsonFile } from './attack.js';

/** `bulwark risk simulate` in the `risk` command group (shared with import/export; created when not there yet). */
export function registerRisk(program: Command): Command {
  const risk = program.commands.find((c) => c.name() === 'risk') ?? program.command('risk').description('The risk register (see docs/risks.md)');
  risk
    .command('simulate')
    .description('Run a FAIR Monte Carlo simulation on inputs in a JSON file (the body of POST /api/v1/simulations); nothing is saved')
    .argument('<file>', 'JSON: {iterations?, seed?, threat_event_frequency, vulnerability, primary_loss, secondary_loss_probability?, secondary_loss?}')
    .option('--json', 'print the result as JSON (the same as the API answers)')
    .action(async (file: string, options: { json?: boolean }) => {
      const parsed = simulationBody.safeParse(await readJsonFile(file));
      if (!parsed.success) {
        const errors = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(file)', message: i.message }));
        throw invalid(`${file} is not valid FAIR input: ${errors.map((e) => `${e.path} (${e.message})`).join('; ')}.`, errors);
      }
      const { iterations, seed, ...inputs } = parsed.data;
      const result = simulate(inputs, iterations ?? DEFAULT_ITERATIONS, seed ?? randomSeed());
      if (options.json) return printJson(result);
      console.log(describeResult(result));
    });
  return risk;
}

const money = new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 3 });
const percent = (p: number) => `${(p * 100).toFixed(p < 0.01 && p > 0 ? 2 : 1)} %`;

/** The statistics and an ASCII loss exceedance curve. */
export function describeResult(result: SimulationResult): string {
  const lines = [
    `FAIR simulation: ${result.iterations.toLocaleString('en')} simulated years, seed ${result.seed}`,
    '',
    `  mean annual loss     ${money.format(result.mean)}`,
    `  p10 / p50 / p90      ${money.format(result.p10)} / ${money.format(result.p50)} / ${money.format(result.p90)}`,
    `  p95 / p99            ${money.format(result.p95)} / ${money.format(result.p99)}`,
    `  probability of loss  ${percent(result.probability_of_loss)}`,
    '',
  ];
  return [...lines, ...lecChart(result)].join('\n');
}

const WIDTH = 60;
const HEIGHT = 12;

/** Probability (up) against annual loss (across, log scale) that the loss is at least that much. */
export function lecChart(result: SimulationResult): string[] {
  const lec = result.lec;
  if (lec.length < 2) return ['  Loss exceedance curve: no loss in any simulated year.'];
  const lo = Math.log(lec[0]!.loss);
  const hi = Math.log(lec[lec.length - 1]!.loss);
  const top = lec[0]!.probability;
  const grid = Array.from({ length: HEIGHT }, () => Array<string>(WIDTH).fill(' '));
  for (let x = 0; x < WIDTH; x++) {
    const loss = Math.exp(lo + ((hi - lo) * x) / (WIDTH - 1));
    const p = exceedanceAt(lec, loss);
    const row = HEIGHT - 1 - Math.round((p / top) * (HEIGHT - 1));
    grid[row]![x] = '*';
  }
  const label = (row: number) => (row === 0 ? percent(top) : row === HEIGHT - 1 ? '0 %' : row === Math.floor(HEIGHT / 2) ? percent((top * (HEIGHT - 1 - row)) / (HEIGHT - 1)) : '');
  const out = ['  Loss exceedance curve (probability of an annual loss at least this large)', ''];
  grid.forEach((cells, row) => out.push(`${label(row).padStart(9)} |${cells.join('')}`.trimEnd()));
  out.push(`${' '.repeat(9)} +${'-'.repeat(WIDTH)}`);
  const left = money.format(lec[0]!.loss);
  const middle = money.format(Math.exp((lo + hi) / 2));
  const right = money.format(lec[lec.length - 1]!.loss);
  const axis = Array<string>(WIDTH + 1).fill(' ');
  const put = (at: number, text: string) => text.split('').forEach((c, i) => (axis[Math.max(0, Math.min(WIDTH, at + i))] = c));
  put(0, left);
  put(Math.floor(WIDTH / 2 - middle.length / 2), middle);
  put(WIDTH - right.length, right);
  out.push(`${' '.repeat(10)}${axis.join('')}   (annual loss, log scale)`);
  return out;
}
