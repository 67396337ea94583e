import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { simulate } from '../../src/domain/fair/simulate.js';
import { runCli, type CliTarget } from './cli-harness.js';

/** `bulwark risk simulate FILE` needs no database: the same JSON as POST /simulations, the same answer. */
describe('bulwark risk simulate', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bulwark-fair-cli-'));
  const target: CliTarget = { engine: 'sqlite', dataDir, databaseUrl: undefined, sqliteFile: join(dataDir, 'bulwark.db') };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const write = (name: string, content: unknown) => {
    const file = join(dataDir, name);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  const inputs = { threat_event_frequency: { min: 0.5, most_likely: 2, max: 6 }, vulnerability: { min: 0.1, most_likely: 0.3, max: 0.6 }, primary_loss: { low: 10_000, high: 400_000 } };

  it('prints the statistics and an ASCII loss exceedance curve', async () => {
    const result = await runCli(target, ['risk', 'simulate', write('ransomware.json', { iterations: 20_000, seed: 7, ...inputs })]);
    expect(result.code, result.stderr).toBe(0);
    const expected = simulate(inputs, 20_000, 7);
    const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 3 });
    expect(result.stdout).toContain('20,000 simulated years, seed 7');
    expect(result.stdout).toContain(`mean annual loss     ${compact.format(expected.mean)}`);
    expect(result.stdout).toContain(`p95 / p99            ${compact.format(expected.p95)} / ${compact.format(expected.p99)}`);
    expect(result.stdout).toContain(`probability of loss  ${(expected.probability_of_loss * 100).toFixed(1)} %`);
    const chart = result.lines.filter((l) => /^\s+[\d.]*( %)? *\|/.test(l));
    expect(chart).toHaveLength(12);
    expect(chart[0]).toMatch(/\|\*/); // the curve starts at the top left (the probability of any loss)
    expect(chart.at(-1)).toMatch(/\*$/); // and ends at the bottom right
    expect(result.stdout).toContain('(annual loss, log scale)');
  });

  it('--json answers what the API answers', async () => {
    const result = await runCli(target, ['risk', 'simulate', '--json', write('json.json', { iterations: 5000, seed: 3, ...inputs })]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(simulate(inputs, 5000, 3))));
  });

  it('bad input exits 2 naming each field; a missing file exits 3', async () => {
    const bad = await runCli(target, ['risk', 'simulate', write('bad.json', { threat_event_frequency: -1, vulnerability: 2, primary_loss: { min: 5, most_likely: 1, max: 3 } })]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('threat_event_frequency: a frequency per year must not be negative');
    expect(bad.stderr).toContain('vulnerability: a probability must lie in [0, 1]');
    expect(bad.stderr).toContain('primary_loss.min: min (5) is greater than max (3)');
    expect((await runCli(target, ['risk', 'simulate', write('broken.json', '{')])).code).toBe(2);
    expect((await runCli(target, ['risk', 'simulate', join(dataDir, 'nope.json')])).code).toBe(3);
  });
});
