import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { systemActor } from '../../src/services/context.js';
import { addEvidenceItem } from '../../src/services/evidence/add-evidence-item.js';
import { listCustody } from '../../src/services/evidence/list-custody.js';
import { recordCustody } from '../../src/services/evidence/record-custody.js';
import { createIncident } from '../../src/services/incidents/create-incident.js';
import { describeCliOnEngines, runCli, type InProcess } from './cli-harness.js';

const asSystem = (api: InProcess) => ({ ...api.runtime.deps, actor: systemActor(api.runtime.organisationId) });

/** An incident with two physical items, each with a few custody events. */
async function seedCustody(api: InProcess): Promise<Array<{ id: string; number: string }>> {
  const ctx = asSystem(api);
  const { incident } = await createIncident(ctx, { title: 'Laptop seized from departing employee', category: 'insider', severity: 2 });
  const items = [];
  for (const title of ['Finance laptop WS-042', 'USB key found in desk']) {
    const item = await addEvidenceItem(ctx, incident.id, { kind: 'physical', title, collected_at: '2026-01-05T09:00:00Z', serial_numbers: ['SN-1'], physical_location: 'Safe 2' });
    await recordCustody(ctx, item.id, { action: 'checked_out', purpose: 'Imaging' });
    await recordCustody(ctx, item.id, { action: 'checked_in', location: 'Safe 2' });
    items.push({ id: item.id, number: item.number });
  }
  return items;
}

describeCliOnEngines('bulwark verify: chains of custody', (target, inProcess) => {
  it('walks every custody chain and passes while they are intact', async () => {
    const api = await inProcess();
    const items = await seedCustody(api);
    const result = await runCli(target(), ['verify', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { ok: boolean; chains: Array<{ chain: string; links: number; broken: unknown }> };
    expect(json.ok).toBe(true);
    const custody = json.chains.filter((c) => c.chain.startsWith('custody '));
    expect(custody.map((c) => c.chain).sort()).toEqual(items.map((i) => `custody ${i.number} (${i.id})`).sort());
    expect(custody.every((c) => c.links === 3 && c.broken === null)).toBe(true);
  });

  it('reports the first broken link of a tampered custody row, as GET …/custody does', async () => {
    const api = await inProcess();
    const [, tampered] = await seedCustody(api);
    await sql`UPDATE custody_events SET purpose = 'nothing happened' WHERE evidence_id = ${tampered!.id} AND seq = 2`.execute(api.database.db);

    const result = await runCli(target(), ['verify']);
    expect(result.code).toBe(4);
    expect(result.stdout).toContain(`BROKEN custody ${tampered!.number} (${tampered!.id}): first broken link at seq 2: content does not match its hash`);
    expect((await listCustody(asSystem(api), tampered!.id)).chain).toEqual({ intact: false, first_break: { seq: 2, reason: 'hash_mismatch' } });
  });
});
