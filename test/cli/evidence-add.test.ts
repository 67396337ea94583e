import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { systemActor } from '../../src/services/context.js';
import { getEvidence } from '../../src/services/evidence/get-evidence.js';
import { createIncident } from '../../src/services/incidents/create-incident.js';
import { evidenceBlobPath } from '../../src/store/evidence-files.js';
import { describeCliOnEngines, runCli } from './cli-harness.js';

describeCliOnEngines('bulwark evidence add', (target, inProcess) => {
  it('streams a file into evidence storage and prints its number, id and SHA-256', async () => {
    const api = await inProcess();
    const ctx = { ...api.runtime.deps, actor: systemActor(api.runtime.organisationId) };
    const { incident } = await createIncident(ctx, { title: 'Finance laptop compromise', category: 'malware', severity: 2 });
    const file = join(target().dataDir, 'laptop.E01');
    const content = Buffer.alloc(2 * 1024 * 1024 + 17, 0x5a);
    writeFileSync(file, content);
    const sha256 = createHash('sha256').update(content).digest('hex');

    const result = await runCli(target(), ['evidence', 'add', incident.number, file, '--kind', 'disk_image', '--title', 'Finance laptop image', '--collected-by', 'A. Jansen, ACME CSIRT', '--collected-at', '2026-11-20T14:05:00Z', '--tool', 'FTK Imager 4.7.1', '--notes', 'Tableau T8u write blocker', '--tlp', 'red', '--tag', 'finance', '--tag', 'laptop']);
    expect(result.code, result.stderr).toBe(0);
    const [number, id, label, printed] = result.lines[0]!.split(/\s+/);
    expect(number).toMatch(/^EVD-\d{4}-0001$/);
    expect([label, printed]).toEqual(['sha256', sha256]);

    const record = await getEvidence(ctx, id!);
    expect(record).toMatchObject({ number, kind: 'disk_image', title: 'Finance laptop image', file_name: 'laptop.E01', size_bytes: content.length, sha256, collected_by: 'A. Jansen, ACME CSIRT', acquisition_tool: 'FTK Imager 4.7.1', acquisition_notes: 'Tableau T8u write blocker', tlp: 'red', tags: ['finance', 'laptop'], holder: { id: 'system', name: 'System' } });
    expect(readFileSync(evidenceBlobPath(join(target().dataDir, 'evidence'), sha256)).equals(content)).toBe(true);
  });

  it('says what is wrong: no such file (2), an unknown incident (3), a bad kind (2)', async () => {
    const api = await inProcess();
    const ctx = { ...api.runtime.deps, actor: systemActor(api.runtime.organisationId) };
    const { incident } = await createIncident(ctx, { title: 'Phishing', category: 'phishing', severity: 3 });
    const file = join(target().dataDir, 'mail.eml');
    writeFileSync(file, 'From: ceo@example.test');
    const missing = await runCli(target(), ['evidence', 'add', incident.number, join(target().dataDir, 'nothere.bin')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('There is no file at');
    const unknown = await runCli(target(), ['evidence', 'add', 'INC-1999-0001', file]);
    expect(unknown.code).toBe(3);
    const badKind = await runCli(target(), ['evidence', 'add', incident.number, file, '--kind', 'crystal_ball']);
    expect(badKind.code).toBe(2);
  });
});
