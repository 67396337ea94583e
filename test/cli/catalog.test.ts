import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeCliOnEngines, runCli } from './cli-harness.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'oscal', 'mini-catalog.json');

describeCliOnEngines('bulwark catalog', (target, inProcess) => {
  it('imports an OSCAL catalog file and says what came in; importing it again changes nothing', async () => {
    const result = await runCli(target(), ['catalog', 'import', FIXTURE]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Bulwark Test Catalog (version 1.0): 6 controls');
    expect(result.stdout).toContain('6 new, 0 updated, 0 unchanged; 1 withdrawn controls left out.');
    const again = await runCli(target(), ['catalog', 'import', '--json', FIXTURE]);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, unchanged: 6, catalog: { name: 'Bulwark Test Catalog', control_count: 6 } });

    const api = await inProcess();
    const refs = await api.database.db.selectFrom('controls').select('ref').orderBy('id').execute();
    expect(refs.map((r) => r.ref)).toEqual(['AC-1', 'AC-2', 'AC-2(1)', 'GV.OC', 'GV.OC-01', 'nested-1']);
  });

  it('installs the NIST CSF 2.0 starter catalog', async () => {
    const result = await runCli(target(), ['catalog', 'starter']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('NIST CSF 2.0 (Functions and Categories) (version 2.0): 28 controls');
  });

  it.each([
    ['a missing file', () => '/nonexistent/catalog.json', 3, 'Cannot read'],
    ['a file that is not JSON', () => write('broken.json', '{"catalog": '), 2, 'not valid JSON'],
    ['a JSON file that is not an OSCAL catalog', () => write('profile.json', '{"profile": {"uuid": "p"}}'), 2, 'Not an OSCAL catalog: this is an OSCAL profile'],
    ['a catalog without a uuid', () => write('no-uuid.json', '{"catalog": {"metadata": {"title": "t"}, "groups": []}}'), 2, 'catalog.uuid'],
  ])('refuses %s with a message and an exit code', async (_label, file, code, message) => {
    const result = await runCli(target(), ['catalog', 'import', file()]);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
  });

  function write(name: string, content: string): string {
    const file = join(target().dataDir, name);
    writeFileSync(file, content);
    return file;
  }
});
