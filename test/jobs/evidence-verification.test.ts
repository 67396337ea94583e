import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock, HOUR_MS } from '../../src/domain/time.js';
import { evidenceVerificationJob } from '../../src/jobs/evidence-verification.js';
import { evidenceBlobPath } from '../../src/store/evidence-files.js';
import { openIncident, uploadEvidence } from '../api/evidence/fixtures.js';
import { describeEachEngine } from '../support/engines.js';
import { startTestApp } from '../support/test-app.js';

const NOW = '2026-11-23T09:00:00.000Z';

describeEachEngine('scheduled evidence verification', (database) => {
  const clock = fixedClock(NOW);
  let t: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    t = await startTestApp(database(), { clock });
  });
  afterAll(async () => {
    await t?.close();
  });
  const at = (hours: number) => clock.set(new Date(Date.parse(NOW) + hours * HOUR_MS).toISOString());
  const job = () => evidenceVerificationJob(t.runtime.deps, t.runtime.organisationId, { everyHours: 24 });
  const run = async () => (await job().run()) as { checked: number; failures: number };
  const items = () => t.system.database.db.selectFrom('evidence_items').select(['id', 'last_verified_at', 'last_verification']).orderBy('created_at').orderBy('id').execute();
  const alerts = (incidentId: string) => t.system.database.db.selectFrom('alerts').select('id').where('incident_id', '=', incidentId).where('type', '=', 'evidence-integrity').execute();
  let incident: any;
  const uploaded: any[] = [];

  it('checks never-checked items a few per run, then leaves them alone until their check is older than the setting', async () => {
    incident = await openIncident(t);
    for (let i = 0; i < 7; i += 1) uploaded.push(await uploadEvidence(t, incident.id, { name: `log-${i}.txt`, content: `log number ${i}` }));
    expect(job()).toMatchObject({ name: 'evidence-verification' });

    expect(await run()).toEqual({ checked: 5, failures: 0 });
    expect(await run()).toEqual({ checked: 2, failures: 0 });
    expect((await items()).every((i) => i.last_verified_at === NOW && i.last_verification === 'match')).toBe(true);
    expect(await run()).toEqual({ checked: 0, failures: 0 });

    at(23);
    expect(await run()).toEqual({ checked: 0, failures: 0 });
  });

  it('finds a tampered file once its check is due, raises one alert, and does not repeat the alert on the next runs', async () => {
    appendFileSync(evidenceBlobPath(t.runtime.deps.evidence!.dir, uploaded[3].sha256), 'tampered');
    at(25);
    const first = await run();
    const second = await run();
    expect(first.checked + second.checked).toBe(7);
    expect(first.failures + second.failures).toBe(1);
    expect((await items()).find((i) => i.id === uploaded[3].id)).toMatchObject({ last_verification: 'mismatch' });
    expect(await alerts(incident.id)).toHaveLength(1);
    const custody = await t.system.database.db.selectFrom('custody_events').select(['action', 'actor_id', 'details']).where('evidence_id', '=', uploaded[3].id).orderBy('seq').execute();
    expect(custody.at(-1)).toMatchObject({ action: 'integrity_failed', actor_id: 'system' });

    at(50);
    await run();
    await run();
    expect(await alerts(incident.id)).toHaveLength(1);
    const failures = await t.system.database.db.selectFrom('custody_events').select('id').where('evidence_id', '=', uploaded[3].id).where('action', '=', 'integrity_failed').execute();
    expect(failures).toHaveLength(2);
  });
});
