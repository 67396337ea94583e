import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor, type ServiceContext } from '../../src/services/context.js';
import { createIncident } from '../../src/services/incidents/create-incident.js';
import { assignIncidentRole } from '../../src/services/members/assign-incident-role.js';
import { startRuntime, type Runtime } from '../../src/services/runtime.js';
import { createTask } from '../../src/services/tasks/create-task.js';
import { addTimelineNote } from '../../src/services/timeline/add-timeline-note.js';
import { verifyChains } from '../../src/services/verify-chains.js';
import { addUser } from '../../src/services/users/add-user.js';
import { describeEachEngine } from '../support/engines.js';

describeEachEngine('incident timeline hash chain', (database) => {
  let runtime: Runtime;
  let ctx: ServiceContext;
  beforeAll(async () => {
    runtime = await startRuntime({ sqliteFile: '', database: database() });
    ctx = { ...runtime.deps, actor: systemActor(runtime.organisationId) };
  });
  afterAll(async () => {
    await (runtime.deps.events as { stop?: () => Promise<void> }).stop?.();
  });

  /** An incident whose timeline has five links: opened, a role, a task, two notes (one back-dated). */
  async function incidentWithHistory(title: string) {
    const { incident } = await createIncident(ctx, { title, category: 'malware' });
    const { user } = await addUser(ctx, { email: `${title.toLowerCase().replace(/\W+/g, '-')}@example.test`, role: 'responder', password: 'correct horse battery staple' });
    await assignIncidentRole(ctx, incident.id, { user_id: user.id, role: 'technical_lead' });
    await createTask(ctx, incident.id, { title: 'Pull EDR telemetry', assignee_id: user.id });
    await addTimelineNote(ctx, incident.id, { body: 'Beacon to 203.0.113.7 seen' });
    await addTimelineNote(ctx, incident.id, { body: 'First execution', occurred_at: '2026-01-01T00:00:00Z' });
    return incident;
  }
  const reportOf = async (incidentId: string) => (await verifyChains(database())).find((r) => r.chain.includes(incidentId))!;
  const db = () => database().db;

  it('chains every entry so that the walker finds an untouched timeline intact', async () => {
    const incident = await incidentWithHistory('Intact');
    const report = await reportOf(incident.id);
    expect(report.links).toBe(5);
    expect(report.broken).toBeNull();
  });

  it('finds the first broken link when a written entry is altered in the database', async () => {
    const incident = await incidentWithHistory('Edited');
    const other = await incidentWithHistory('Bystander');
    await db().updateTable('timeline_entries').set({ body: 'Nothing to see here' }).where('incident_id', '=', incident.id).where('seq', '=', 4).execute();
    expect((await reportOf(incident.id)).broken).toMatchObject({ seq: 4, reason: 'hash_mismatch' });
    expect((await reportOf(other.id)).broken).toBeNull();
  });

  it('finds a back-dated occurred_at and a rewritten hash, and a removed entry', async () => {
    const backdated = await incidentWithHistory('Backdated');
    await db().updateTable('timeline_entries').set({ occurred_at: '2020-01-01T00:00:00.000Z' }).where('incident_id', '=', backdated.id).where('seq', '=', 2).execute();
    expect((await reportOf(backdated.id)).broken).toMatchObject({ seq: 2, reason: 'hash_mismatch' });

    const rehashed = await incidentWithHistory('Rehashed');
    await db().updateTable('timeline_entries').set({ hash: 'f'.repeat(64) }).where('incident_id', '=', rehashed.id).where('seq', '=', 3).execute();
    expect((await reportOf(rehashed.id)).broken).toMatchObject({ seq: 3, reason: 'hash_mismatch' });

    const removed = await incidentWithHistory('Removed');
    await db().deleteFrom('timeline_entries').where('incident_id', '=', removed.id).where('seq', '=', 3).execute();
    expect((await reportOf(removed.id)).broken).toMatchObject({ seq: 4, reason: 'sequence_gap', expected: 3 });
  });
});
