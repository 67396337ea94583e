import { expect, it } from 'vitest';
import { systemActor } from '../../src/services/context.js';
import { createApiToken } from '../../src/services/tokens/create-api-token.js';
import { addUser } from '../../src/services/users/add-user.js';
import { verifyChains } from '../../src/services/verify-chains.js';
import { describeCliOnEngines, runCli, type InProcess } from './cli-harness.js';

interface Incident {
  id: string;
  number: string;
  title: string;
  phase: string;
  severity: number;
  category: string;
  restricted: boolean;
  resolution: string | null;
  tags: string[];
  metrics: { time_to_acknowledge_ms: number | null };
}

async function tokenFor(api: InProcess, who: { email?: string; role?: 'responder' }) {
  const system = { ...api.runtime.deps, actor: systemActor(api.runtime.organisationId) };
  const user = who.email ?? (await addUser(system, { email: `outsider-${Date.now()}@example.test`, role: who.role!, password: 'correct horse battery staple' })).user.id;
  return (await createApiToken(system, { user, name: 'demo test' })).secret;
}

async function get<T>(api: InProcess, token: string, url: string): Promise<T> {
  const res = await api.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

describeCliOnEngines('bulwark demo', (target, inProcess) => {
  it('loads sample incidents in different phases, clearly marked, through the services', async () => {
    const result = await runCli(target(), ['demo']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('sofia.ic@sample.bulwark.invalid');

    const api = await inProcess();
    const admin = await tokenFor(api, { email: 'sofia.ic@sample.bulwark.invalid' });
    const { items } = await get<{ items: Incident[] }>(api, admin, '/api/v1/incidents?tag=sample-data&limit=50');
    expect(items).toHaveLength(5);
    for (const incident of items) {
      expect(incident.title.startsWith('[Sample] ')).toBe(true);
      expect(incident.tags).toContain('sample-data');
      expect(result.stdout).toContain(incident.number);
    }
    const by = (category: string) => items.find((i) => i.category === category)!;
    expect(by('ransomware')).toMatchObject({ phase: 'containment', severity: 1 });
    expect(by('business_email_compromise').phase).toBe('eradication');
    expect(by('phishing')).toMatchObject({ phase: 'closed', resolution: 'true_positive', severity: 3 });
    expect(by('lost_or_stolen_device').phase).toBe('detection');
    expect(by('insider').restricted).toBe(true);
    expect(by('ransomware').metrics.time_to_acknowledge_ms).toBeGreaterThan(0);

    // The risk side and the signals come with it, joined to the incidents.
    expect(result.stdout).toMatch(/Risk register: 8 risks, 7 assets, 8 controls; 5 incident links and 7 control outcomes/);
    expect(result.stdout).toMatch(/Triage queue: 27 alerts in 7 correlation groups/);
    const risks = await get<{ items: { title: string }[] }>(api, admin, '/api/v1/risks?limit=50');
    expect(risks.items.filter((r) => r.title.startsWith('[Sample] '))).toHaveLength(8);
    const linked = await get<{ items: { risk: { title: string } }[] }>(api, admin, `/api/v1/incidents/${by('ransomware').id}/risks`);
    expect(linked.items.length).toBeGreaterThanOrEqual(2);
    const queue = await get<{ items: { title: string; status: string }[] }>(api, admin, '/api/v1/alerts?status=new&limit=100');
    expect(queue.items.filter((a) => a.title.startsWith('[Sample] ')).length).toBeGreaterThan(10);
  });

  it('gives the ransomware outbreak a command structure, overdue and done tasks, and a backdated timeline', async () => {
    const api = await inProcess();
    const token = await tokenFor(api, { email: 'sofia.ic@sample.bulwark.invalid' });
    const { items } = await get<{ items: Incident[] }>(api, token, '/api/v1/incidents?tag=ransomware&limit=5');
    const ransomware = items.find((i) => i.tags.includes('sample-data'))!;

    const detail = await get<{ members: { role: string; user_email: string }[] }>(api, token, `/api/v1/incidents/${ransomware.id}`);
    expect(detail.members.map((m) => [m.role, m.user_email])).toEqual(
      expect.arrayContaining([
        ['incident_commander', 'sofia.ic@sample.bulwark.invalid'],
        ['technical_lead', 'devraj.lead@sample.bulwark.invalid'],
      ]),
    );
    const tasks = await get<{ items: { status: string; overdue: boolean }[] }>(api, token, `/api/v1/incidents/${ransomware.id}/tasks`);
    expect(tasks.items.filter((t) => t.overdue).length).toBeGreaterThanOrEqual(1);
    expect(tasks.items.filter((t) => t.status === 'done').length).toBeGreaterThanOrEqual(1);

    const timeline = await get<{ items: { kind: string; occurred_at: string; recorded_at: string }[] }>(api, token, `/api/v1/incidents/${ransomware.id}/timeline?limit=100`);
    const notes = timeline.items.filter((e) => e.kind === 'note');
    expect(notes.length).toBeGreaterThanOrEqual(3);
    const now = Date.now();
    for (const note of notes) expect(Date.parse(note.occurred_at)).toBeLessThan(now);
    expect(timeline.items.some((e) => e.kind === 'phase_changed')).toBe(true);
  });

  it('keeps the restricted insider case from people who are not on it, and leaves every chain intact', async () => {
    const api = await inProcess();
    const outsider = await tokenFor(api, { role: 'responder' });
    const { items } = await get<{ items: Incident[] }>(api, outsider, '/api/v1/incidents?tag=sample-data&limit=50');
    expect(items.map((i) => i.category).sort()).toEqual(['business_email_compromise', 'lost_or_stolen_device', 'phishing', 'ransomware']);
    const reports = await verifyChains(api.database);
    expect(reports.filter((r) => r.broken)).toEqual([]);
  });

  it('refuses a second run (exit 2, nothing added) unless forced', async () => {
    const api = await inProcess();
    const count = async () => Number((await api.database.db.selectFrom('incident_tags').select((eb) => eb.fn.countAll().as('n')).where('tag', '=', 'sample-data').executeTakeFirstOrThrow()).n);
    const again = await runCli(target(), ['demo']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already loaded');
    expect(await count()).toBe(5);

    const forced = await runCli(target(), ['demo', '--force', '--json']);
    expect(forced.code, forced.stderr).toBe(0);
    const report = JSON.parse(forced.stdout) as { incidents: unknown[]; people: { created: boolean }[] };
    expect(report.incidents).toHaveLength(5);
    expect(report.people.every((p) => !p.created)).toBe(true);
    expect(await count()).toBe(10);
  });
});
