import { expect, it } from 'vitest';
import { systemActor } from '../../src/services/context.js';
import { createIncident } from '../../src/services/incidents/create-incident.js';
import { addIncidentObservables } from '../../src/services/observables/add-incident-observables.js';
import { describeCliOnEngines, runCli } from './cli-harness.js';

describeCliOnEngines('bulwark observable lookup', (target, inProcess) => {
  it('says per value where it was seen, refanged and typed automatically, and as JSON for scripts', async () => {
    const api = await inProcess();
    const ctx = { ...api.runtime.deps, actor: systemActor(api.runtime.organisationId) };
    const { incident } = await createIncident(ctx, { title: 'C2 beacon', category: 'malware', severity: 2 });
    await addIncidentObservables(ctx, incident.id, [{ type: 'ip', value: '185.220.101.4', ioc: true }]);

    const result = await runCli(target(), ['observable', 'lookup', '185.220.101[.]4', 'never-seen.example']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.lines[0]).toMatch(/^type\s+value\s+incidents\s+alerts\s+first seen\s+last seen$/);
    expect(result.lines[1]).toMatch(/^ip\s+185\.220\.101\.4\s+1\s+0\s+\d{4}-/);
    expect(result.lines[2]).toMatch(/^domain\s+never-seen\.example\s+0\s+0\s+never/);

    const json = JSON.parse((await runCli(target(), ['observable', 'lookup', '--json', '185.220.101.4'])).stdout);
    expect(json[0].sightings.items[0].subject).toMatchObject({ type: 'incident', number: incident.number });
  });

  it('refuses a value that does not fit its type, with the reason and exit code 2', async () => {
    const bad = await runCli(target(), ['observable', 'lookup', '--type', 'md5', 'abc']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('32 hexadecimal characters');
    const free = await runCli(target(), ['observable', 'lookup', 'just some words']);
    expect(free.code).toBe(2);
    expect(free.stderr).toContain('type');
  });
});
