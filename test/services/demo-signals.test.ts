import { afterAll, beforeAll, expect, it } from 'vitest';
import { planContentProblems } from '../../src/domain/plan-rules.js';
import { fixedClock } from '../../src/domain/time.js';
import { systemActor, type ServiceContext } from '../../src/services/context.js';
import { loadDemo } from '../../src/services/demo/load-demo.js';
import { IOC } from '../../src/services/demo/sample-alerts-data.js';
import { ensureSamplePeople, type Cast } from '../../src/services/demo/sample-people.js';
import { loadSampleSignals, type SampleIncidentIds } from '../../src/services/demo/sample-signals.js';
import { SAMPLE_TAG } from '../../src/services/demo/story.js';
import { listIncidents } from '../../src/services/incidents/list-incidents.js';
import { listIncidentObservables } from '../../src/services/observables/list-incident-observables.js';
import { lookupObservable } from '../../src/services/observables/lookup-observable.js';
import { getResponsePlan } from '../../src/services/plan/get-response-plan.js';
import { startRuntime, type Runtime } from '../../src/services/runtime.js';
import { getAlertGroup } from '../../src/services/triage/get-alert-group.js';
import { listAlerts, type AlertListItem } from '../../src/services/triage/list-alerts.js';
import { describeEachEngine } from '../support/engines.js';

const NOW = '2026-11-23T09:00:00.000Z';

describeEachEngine('demo: sample alerts, observables and plan draft', (database) => {
  let runtime: Runtime | undefined;
  let cast: Cast;
  let incidents: SampleIncidentIds;
  let numbers: Record<keyof SampleIncidentIds, string>;
  let result: Awaited<ReturnType<typeof loadSampleSignals>>;
  const clock = fixedClock(NOW);
  beforeAll(async () => {
    runtime = await startRuntime({ sqliteFile: '', database: database(), clock, publicUrl: 'https://bulwark.example.com/' });
  });
  afterAll(async () => {
    await (runtime?.deps.events as { stop?: () => Promise<void> } | undefined)?.stop?.();
  });
  const ctx = (): ServiceContext => ({ ...runtime!.deps, actor: systemActor(runtime!.organisationId) });
  const asMia = (): ServiceContext => ({ ...ctx(), actor: cast.mia });
  const sampleAlerts = async (statuses?: string[]): Promise<AlertListItem[]> => (await listAlerts(asMia(), { tags: [SAMPLE_TAG], statuses, limit: 200 })).items;

  it('loads the story, then the alerts, their triage, the incident IOCs and the plan draft', async () => {
    const demo = await loadDemo(ctx());
    cast = (await ensureSamplePeople(ctx())).cast;
    const find = async (category: string) => {
      const page = await listIncidents(ctx(), { tags: [SAMPLE_TAG], categories: [category], limit: 5 });
      expect(page.items).toHaveLength(1);
      return page.items[0]!;
    };
    const [ransomware, bec, phishing, laptop] = await Promise.all(['ransomware', 'business_email_compromise', 'phishing', 'lost_or_stolen_device'].map(find));
    incidents = { ransomware: ransomware!.id, bec: bec!.id, phishing: phishing!.id, laptop: laptop!.id };
    numbers = { ransomware: ransomware!.number, bec: bec!.number, phishing: phishing!.number, laptop: laptop!.number };

    result = demo.signals;
    expect(result).toEqual({ alerts: 27, groups: 7, observables: 47, plan_version: 1 });
  });

  it('fills the triage queue with recognisable alerts, all in the past, two dismissed and two merged into the ransomware incident', async () => {
    const all = await sampleAlerts();
    expect(all).toHaveLength(27);
    for (const alert of all) {
      expect(alert.title.startsWith('[Sample] ')).toBe(true);
      expect(alert.tags).toContain(SAMPLE_TAG);
      expect(alert.source.startsWith('sample-')).toBe(true);
      expect(Date.parse(alert.last_seen_at)).toBeLessThanOrEqual(Date.parse(NOW));
      expect(Date.parse(alert.first_seen_at)).toBeGreaterThanOrEqual(Date.parse(NOW) - 24 * 3600_000);
    }
    expect(await sampleAlerts(['new'])).toHaveLength(23);

    const dismissed = await sampleAlerts(['dismissed']);
    expect(dismissed).toHaveLength(2);
    for (const alert of dismissed) {
      expect(alert.dismiss_reason).toMatch(/^False positive: /);
      expect(alert.triaged_by).toBe(cast.mia.userId);
    }

    const merged = await sampleAlerts(['merged']);
    expect(merged.map((a) => a.incident?.number)).toEqual([numbers.ransomware, numbers.ransomware]);
    expect(merged.map((a) => a.title).sort()).toEqual([
      '[Sample] Contained host FS01 attempted outbound connection to 203.0.113.47:443',
      '[Sample] Contained host FS02 attempted outbound connection to 203.0.113.47:443',
    ]);
    // The FS01 beacon kept coming after it was merged: the same source_ref counted as repeats.
    expect(merged.find((a) => a.title.includes('FS01'))!.repeat_count).toBe(3);
    const campaign = all.find((a) => a.title.includes('VPN certificate expires today'))!;
    expect(campaign.repeat_count).toBe(4);
  });

  it('groups alerts that share an observable, including the C2 beacons with the later firewall and DNS alerts', async () => {
    const all = await sampleAlerts();
    const c2 = all.find((a) => a.title.includes('Firewall denied outbound HTTPS from FS02'))!;
    expect(c2.group).not.toBeNull();
    const group = await getAlertGroup(asMia(), c2.group!.id);
    expect(group.group.alert_count).toBe(4);
    expect(group.alerts.map((a) => a.status).sort()).toEqual(['merged', 'merged', 'new', 'new']);

    const phishing = all.filter((a) => a.group?.title === `Alerts sharing domain ${IOC.phishingDomain}` || a.title.includes('vpn-portal-signin.example') || a.title.includes('VPN certificate'));
    expect(new Set(phishing.map((a) => a.group?.id)).size).toBe(1);
    expect(phishing[0]!.group!.alert_count).toBe(4);
    // Alerts without anything in common with another one stay alone.
    expect(all.find((a) => a.title.includes('parcel could not be delivered'))!.group).toBeNull();
  });

  it('shows the incidents in "seen before" for the values the alerts share with them', async () => {
    const c2 = await lookupObservable(asMia(), { type: 'ip', value: IOC.c2Ip, limit: 50 });
    expect(c2.summary.incidents).toBe(1);
    expect(c2.summary.alerts).toBe(3);
    expect(c2.sightings.items.filter((s) => s.subject.type === 'incident').map((s) => s.subject.id)).toEqual([incidents.ransomware]);

    const hash = await lookupObservable(asMia(), { value: IOC.ransomwareSha256, limit: 50 });
    expect(hash.summary).toMatchObject({ incidents: 1, alerts: 2 });
    const lure = await lookupObservable(asMia(), { type: 'domain', value: IOC.phishingDomain, limit: 50 });
    expect(lure.summary).toMatchObject({ incidents: 1, alerts: 3 });
    const attacker = await lookupObservable(asMia(), { type: 'email', value: IOC.attackerEmail, limit: 50 });
    expect(attacker.summary).toMatchObject({ incidents: 1, alerts: 3 });
    expect(attacker.sightings.items.find((s) => s.subject.type === 'incident')!.subject.id).toBe(incidents.bec);

    const onRansomware = await listIncidentObservables(asMia(), incidents.ransomware);
    const ip = onRansomware.find((s) => s.observable.value === IOC.c2Ip)!;
    expect(ip).toMatchObject({ ioc: true, sighted: true });
    expect(ip.tags).toContain(SAMPLE_TAG);
    expect(ip.seen_elsewhere).toBeGreaterThanOrEqual(3);
    // The merge carried the beacons' host names onto the incident.
    expect(onRansomware.map((s) => s.observable.value)).toContain('fs01.sample.bulwark.invalid');
    const onBec = await listIncidentObservables(asMia(), incidents.bec);
    expect(onBec.map((s) => `${s.observable.type}:${s.observable.value}`).sort()).toEqual([`domain:${IOC.lookalikeDomain}`, `email:${IOC.attackerEmail}`]);
  });

  it('leaves a response plan draft made of the sample people, not approved', async () => {
    const plan = await getResponsePlan({ ...ctx(), actor: cast.tom });
    expect(plan.in_force).toBeNull();
    const draft = plan.draft!;
    expect(draft.plan_version).toBe(1);
    expect(draft.status).toBe('draft');
    const content = draft.content;
    expect(content.title).toBe('[Sample] Incident response plan');
    expect(planContentProblems(content)).toEqual([]);
    expect(content.team.map((c) => c.user_id).sort()).toEqual(Object.values(cast).map((a) => a.userId).sort());
    expect(content.team.find((c) => c.id === 'ic')).toMatchObject({ work_email: 'sofia.ic@sample.bulwark.invalid', incident_role: 'incident_commander', deputies: ['tech_lead'] });
    for (const contact of content.team) expect(contact.mobile_phone).toMatch(/^\+44 7700 900\d{3}$/);
    expect(content.third_parties.find((t) => t.kind === 'cyber_insurer')).toMatchObject({ policy_number: 'MCY-2026-004417' });
    expect(new Set(content.templates.map((t) => t.audience)).size).toBe(8);
    expect(content.meeting_place).not.toBe('');
    expect(content.out_of_band_channel).not.toBe('');
  });

  it('loads a second set next to the first as new alerts, and leaves the existing plan alone', async () => {
    clock.set('2026-11-23T10:00:00.000Z');
    const again = await loadSampleSignals(ctx(), cast, incidents);
    expect(again).toMatchObject({ alerts: 27, plan_version: 0 });
    expect(await sampleAlerts()).toHaveLength(54);
    expect((await getResponsePlan(ctx())).draft!.version).toBe(1);
  });
});
