import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { attackFixture } from '../support/attack-fixture.js';
import { stixFixture } from '../support/stix-fixture.js';
import { systemActor } from '../../src/services/context.js';
import { createIncident } from '../../src/services/incidents/create-incident.js';
import { describeCliOnEngines, runCli } from './cli-harness.js';

describeCliOnEngines('bulwark attack import', (target, inProcess) => {
  const write = (name: string, content: string) => {
    const file = join(target().dataDir, name);
    writeFileSync(file, content);
    return file;
  };

  it('imports a bundle file and says what came in; the picker then finds its techniques', async () => {
    const result = await runCli(target(), ['attack', 'import', write('enterprise-attack.json', JSON.stringify(attackFixture()))]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('3 tactics, 5 techniques, 2 sub-techniques');
    const json = await runCli(target(), ['attack', 'import', '--json', write('v21.json', JSON.stringify(attackFixture('2.1')))]);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ source: 'v21.json', release: '99.1', techniques: 5 });

    const api = await inProcess();
    const rows = await api.database.db.selectFrom('attack_techniques').select('id').where('id', 'like', 'T1059%').orderBy('id').execute();
    expect(rows.map((r) => r.id)).toEqual(['T1059', 'T1059.001']);
  });

  it.each([
    ['a missing file', () => '/nonexistent/enterprise-attack.json', 3, 'Cannot read'],
    ['a file that is not JSON', () => write('broken.json', '{"type": "bundle", '), 2, 'not valid JSON'],
    ['a JSON file that is not a bundle', () => write('not-bundle.json', '{"type": "indicator"}'), 2, 'not a STIX bundle'],
  ])('refuses %s with a message and an exit code', async (_label, file, code, message) => {
    const result = await runCli(target(), ['attack', 'import', file()]);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
  });
});

describeCliOnEngines('bulwark stix', (target, inProcess) => {
  it('imports a bundle into an incident and exports the incident as STIX 2.1', async () => {
    const api = await inProcess();
    const { incident } = await createIncident({ ...api.runtime.deps, actor: systemActor(api.runtime.organisationId) }, { title: 'CLI STIX', category: 'malware' });
    const file = join(target().dataDir, 'feed.json');
    writeFileSync(file, JSON.stringify(stixFixture()));
    const imported = await runCli(target(), ['stix', 'import', file, '--incident', incident.number]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Imported 7 observables (4 IOCs)');
    expect(imported.stdout).toContain('skipped indicator--00000000-0000-4000-8000-000000000003');
    const out = join(target().dataDir, 'out.json');
    const exported = await runCli(target(), ['stix', 'export', incident.number, '-o', out]);
    expect(exported.code, exported.stderr).toBe(0);
    const bundle = JSON.parse(readFileSync(out, 'utf8')) as { type: string; objects: Array<{ type: string }> };
    expect(bundle.type).toBe('bundle');
    expect(bundle.objects.filter((o) => o.type === 'indicator')).toHaveLength(4);
    expect((await runCli(target(), ['stix', 'export', 'INC-1999-0001'])).code).toBe(3);
  });
});
