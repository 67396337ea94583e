import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock, HOUR_MS } from '../../src/domain/time.js';
import { backgroundJobs, startBackgroundJobs } from '../../src/jobs/background-jobs.js';
import { startScheduler } from '../../src/jobs/scheduler.js';
import { systemActor, type ServiceContext } from '../../src/services/context.js';
import { purgeExpired } from '../../src/services/maintenance/purge-expired.js';
import { startRuntime, type Runtime } from '../../src/services/runtime.js';
import { addUser } from '../../src/services/users/add-user.js';
import type { Db } from '../../src/store/database.js';
import { insertSession } from '../../src/store/repositories/people.js';
import { insertIdempotencyKey } from '../../src/store/repositories/plumbing.js';
import { describeEachEngine } from '../support/engines.js';

const NOW = '2026-11-23T12:00:00.000Z';
const ago = (ms: number) => new Date(Date.parse(NOW) - ms).toISOString();
const quietLog = { debug: () => {}, error: () => {} };

async function seed(ctx: ServiceContext, label: string) {
  const db = ctx.database.db;
  const { user } = await addUser(ctx, { email: `${label}-${Math.random().toString(36).slice(2, 8)}@example.test`, role: 'responder', password: 'correct horse battery staple' });
  const session = (id: string, expiresAt: string) =>
    insertSession(db, { id, organisation_id: ctx.actor.organisationId, user_id: user.id, token_hash: `${id}-hash`, csrf_token: 'csrf', created_at: ago(13 * HOUR_MS), expires_at: expiresAt, last_seen_at: ago(HOUR_MS), ip: null, user_agent: null });
  const key = (key: string, createdAt: string) =>
    insertIdempotencyKey(db, { organisation_id: ctx.actor.organisationId, principal: user.id, key, request_hash: 'h', status_code: 201, response: { id: 'inc_x' }, created_at: createdAt });
  await session(`ses_${label}_expired`, ago(1));
  await session(`ses_${label}_live`, ago(-HOUR_MS));
  await key(`${label}-old`, ago(25 * HOUR_MS));
  await key(`${label}-recent`, ago(23 * HOUR_MS));
}

async function remaining(db: Db, label: string) {
  const sessions = await db.selectFrom('sessions').select('id').where('id', 'like', `ses_${label}_%`).orderBy('id').execute();
  const keys = await db.selectFrom('idempotency_keys').select('key').where('key', 'like', `${label}-%`).orderBy('key').execute();
  return { sessions: sessions.map((s) => s.id), keys: keys.map((k) => k.key) };
}

describeEachEngine('background jobs', (database) => {
  let runtime: Runtime | undefined;
  beforeAll(async () => {
    runtime = await startRuntime({ sqliteFile: '', database: database(), clock: fixedClock(NOW) });
  });
  afterAll(async () => {
    await (runtime?.deps.events as { stop?: () => Promise<void> } | undefined)?.stop?.();
  });
  const context = async (): Promise<ServiceContext> => ({ ...runtime!.deps, actor: systemActor(runtime!.organisationId) });

  it('purges expired sessions and day-old idempotency keys, keeps the rest, and audits what it removed', async () => {
    const ctx = await context();
    await seed(ctx, 'purge');
    const result = await purgeExpired(ctx);
    expect(result).toEqual({ expiredSessions: 1, idempotencyKeys: 1 });
    expect(await remaining(ctx.database.db, 'purge')).toEqual({ sessions: ['ses_purge_live'], keys: ['purge-recent'] });
    const audit = await ctx.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'maintenance.purge').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.at).toBe(NOW);

    expect(await purgeExpired(ctx)).toEqual({ expiredSessions: 0, idempotencyKeys: 0 });
    const after = await ctx.database.db.selectFrom('audit_log').select('id').where('action', '=', 'maintenance.purge').execute();
    expect(after).toHaveLength(1);
  });

  it('refuses to purge for anyone but an administrator', async () => {
    const ctx = await context();
    await expect(purgeExpired({ ...ctx, actor: { ...ctx.actor, role: 'incident_manager' } })).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('runs the purge on schedule once serve has started the jobs, and stops cleanly', async () => {
    const ctx = await context();
    await seed(ctx, 'scheduled');
    const jobs = startBackgroundJobs(ctx, ctx.actor.organisationId, quietLog, { firstAfterMs: 10, purgeEveryMs: 20 });
    await expect.poll(() => remaining(ctx.database.db, 'scheduled'), { timeout: 5000 }).toEqual({ sessions: ['ses_scheduled_live'], keys: ['scheduled-recent'] });
    await jobs.stop();
    expect(backgroundJobs(ctx, ctx.actor.organisationId).map((j) => j.name)).toEqual(['purge-expired', 'webhook-dispatch', 'webhook-log-prune', 'email-dispatch', 'risk-reminders', 'action-item-reminders', 'obligation-reminders', 'status-update-reminders', 'escalation-deputies', 'evidence-verification']);
  });
});

it('scheduler: repeats a job without overlapping runs, survives a failing run, and stops', async () => {
  let active = 0;
  let maxActive = 0;
  let runs = 0;
  const errors: string[] = [];
  const scheduler = startScheduler(
    [
      {
        name: 'slow',
        everyMs: 1,
        firstAfterMs: 0,
        run: async () => {
          active += 1;
          maxActive = Math.max(maxActive, active);
          runs += 1;
          await new Promise((r) => setTimeout(r, 15));
          active -= 1;
          if (runs === 2) throw new Error('boom');
        },
      },
    ],
    { debug: () => {}, error: (details) => errors.push(String((details as { job: string }).job)) },
  );
  await expect.poll(() => runs, { timeout: 3000 }).toBeGreaterThanOrEqual(4);
  await scheduler.stop();
  const stoppedAt = runs;
  await new Promise((r) => setTimeout(r, 60));
  expect(runs).toBe(stoppedAt);
  expect(maxActive).toBe(1);
  expect(active).toBe(0);
  expect(errors).toEqual(['slow']);
});
