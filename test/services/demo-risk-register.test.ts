import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../src/domain/time.js';
import { getAsset } from '../../src/services/assets/get-asset.js';
import { listAssets } from '../../src/services/assets/list-assets.js';
import { systemActor, type ServiceContext } from '../../src/services/context.js';
import { listControlOutcomes } from '../../src/services/control-outcomes/list-control-outcomes.js';
import { listIncidentControlOutcomes } from '../../src/services/control-outcomes/list-incident-control-outcomes.js';
import { listControls } from '../../src/services/controls/list-controls.js';
import { loadDemo, type DemoResult } from '../../src/services/demo/load-demo.js';
import { ensureSamplePeople, type Cast } from '../../src/services/demo/sample-people.js';
import { loadSampleRiskRegister, type SampleIncidentIds } from '../../src/services/demo/sample-risk-register.js';
import { listIncidentRisks } from '../../src/services/incident-risks/list-incident-risks.js';
import { listRiskIncidents } from '../../src/services/incident-risks/list-risk-incidents.js';
import { listIncidents } from '../../src/services/incidents/list-incidents.js';
import { getRisk } from '../../src/services/risks/get-risk.js';
import { listRisks } from '../../src/services/risks/list-risks.js';
import type { RiskRecord } from '../../src/services/risks/risk-record.js';
import { startRuntime, type Runtime } from '../../src/services/runtime.js';
import { listTimeline } from '../../src/services/timeline/list-timeline.js';
import { describeEachEngine } from '../support/engines.js';

const NOW = '2026-03-10T09:00:00.000Z';

describeEachEngine('sample risk register', (database) => {
  let runtime: Runtime | undefined;
  let cast: Cast;
  let incidents: SampleIncidentIds;
  let insiderId: string;
  const clock = fixedClock(NOW);
  const ctx = (): ServiceContext => ({ ...runtime!.deps, actor: systemActor(runtime!.organisationId) });
  const as = (person: keyof Cast): ServiceContext => ({ ...ctx(), actor: cast[person] });
  const sampleRisks = async (): Promise<RiskRecord[]> => (await listRisks(ctx(), { limit: 100 })).items.filter((r) => r.tags.includes('sample-data'));
  const riskTitled = async (words: string) => {
    const risk = (await sampleRisks()).find((r) => r.title.includes(words));
    if (!risk) throw new Error(`no sample risk "${words}"`);
    return risk;
  };

  let demo: DemoResult;
  beforeAll(async () => {
    runtime = await startRuntime({ sqliteFile: '', database: database(), clock });
    demo = await loadDemo(ctx());
    cast = (await ensureSamplePeople(ctx())).cast;
    const loaded = (await listIncidents(ctx(), { tags: ['sample-data'], limit: 100 })).items;
    const byCategory = (category: string) => {
      const incident = loaded.find((i) => i.category === category);
      if (!incident) throw new Error(`no sample ${category} incident`);
      return incident.id;
    };
    incidents = { ransomware: byCategory('ransomware'), bec: byCategory('business_email_compromise'), phishing: byCategory('phishing'), laptop: byCategory('lost_or_stolen_device') };
    insiderId = byCategory('insider');
  });
  afterAll(async () => {
    await (runtime?.deps.events as { stop?: () => Promise<void> } | undefined)?.stop?.();
  });

  it('loads assets, risks and controls with the demo and joins them to the sample incidents', async () => {
    expect(demo.register).toEqual({ assets: 7, risks: 8, controls: 8, incident_links: 5, control_outcomes: 7 });
  });

  it('shows the assets with owners, criticality and dependencies', async () => {
    const assets = (await listAssets(as('priya'), { limit: 100 })).items;
    expect(assets).toHaveLength(7);
    for (const asset of assets) {
      expect(asset.name.startsWith('[Sample] ')).toBe(true);
      expect(asset.tags).toContain('sample-data');
      expect(asset.owner_id).not.toBeNull();
    }
    const erp = assets.find((a) => a.name.includes('ERP'))!;
    expect(erp.criticality).toBe('very_high');
    const detail = await getAsset(as('priya'), erp.id);
    expect(detail.depends_on.map((d) => d.name)).toEqual(['[Sample] Finance file servers FS01 and FS02']);
    expect(detail.risks.length).toBeGreaterThanOrEqual(4);
    const hr = assets.find((a) => a.name.includes('HR'))!;
    expect(hr.owner_id).toBe(cast.ravi.userId);
    expect(hr.data_classifications).toContain('special_category');
  });

  it('keeps eight risks owned by Priya or Sofia, spread over the heat map, two of them over appetite', async () => {
    const risks = await sampleRisks();
    expect(risks).toHaveLength(8);
    expect(new Set(risks.map((r) => r.owner_id))).toEqual(new Set([cast.priya.userId, cast.sofia.userId]));
    for (const risk of risks) {
      expect(risk.title.startsWith('[Sample] ')).toBe(true);
      expect(risk.created_by).toBe(cast.priya.userId);
    }
    expect(new Set(risks.map((r) => r.category))).toEqual(new Set(['cyber_attack', 'fraud', 'data_breach', 'insider', 'third_party', 'outage']));
    expect(new Set(risks.map((r) => r.residual_level))).toEqual(new Set(['low', 'moderate', 'high']));
    expect(new Set(risks.map((r) => r.inherent_level))).toEqual(new Set(['moderate', 'high', 'very_high']));
    const over = (await listRisks(ctx(), { over_appetite: true, limit: 100 })).items.map((r) => r.title).sort();
    expect(over).toEqual(['[Sample] Ransomware encrypts the Finance file servers', '[Sample] Unpatched internet-facing devices are exploited']);
    const laptop = await riskTitled('laptop');
    expect(laptop.status).toBe('accepted');
    expect(laptop.treatment_details.accepted_by).toBe(cast.sofia.userId);
    expect((await riskTitled('supplier')).treatment).toBe('transfer');
  });

  it('gives three risks a FAIR annual loss estimate and links each risk to the controls that mitigate it', async () => {
    const quantified = (await sampleRisks()).filter((r) => r.annual_loss_mean !== null);
    expect(quantified.map((r) => r.category).sort()).toEqual(['cyber_attack', 'data_breach', 'fraud']);
    for (const risk of quantified) expect(risk.annual_loss_p90!).toBeGreaterThan(risk.annual_loss_mean!);
    const ransomware = await getRisk(as('priya'), (await riskTitled('Ransomware')).id);
    expect(ransomware.latest_simulation?.iterations).toBe(10_000);
    expect(ransomware.assets.map((a) => a.name).sort()).toEqual([
      '[Sample] Backup platform (Veeam with immutable object storage)',
      '[Sample] ERP and finance system (accounts payable)',
      '[Sample] Finance file servers FS01 and FS02',
    ]);
    expect(ransomware.controls.map((c) => c.ref).sort()).toEqual(['SAMPLE-BACKUP', 'SAMPLE-EDR', 'SAMPLE-MFA', 'SAMPLE-PAM']);
    const controls = (await listControls(ctx(), { catalog_id: 'custom', limit: 100 })).items;
    expect(controls).toHaveLength(8);
    for (const control of controls) expect(control.title.startsWith('[Sample] ')).toBe(true);
    expect(controls.find((c) => c.ref === 'SAMPLE-MFA')?.description).toContain('IA-2(1)');
    expect((await listControls(ctx(), { catalog_id: 'custom', relied_on: true, limit: 100 })).items).toHaveLength(8);
  });

  it('links the incidents to the risks they materialised, on both sides and on the timeline', async () => {
    const titles = async (id: string) => (await listIncidentRisks(as('mia'), id)).items.map((r) => r.risk.title).sort();
    expect(await titles(incidents.ransomware)).toEqual(['[Sample] Ransomware encrypts the Finance file servers', '[Sample] Unpatched internet-facing devices are exploited']);
    expect(await titles(incidents.bec)).toEqual(['[Sample] Business e-mail compromise leads to a fraudulent supplier payment']);
    expect(await titles(incidents.phishing)).toEqual(['[Sample] Phishing harvests staff credentials']);
    expect(await titles(incidents.laptop)).toEqual(['[Sample] Lost or stolen laptop exposes customer data']);
    expect((await listIncidentRisks(ctx(), insiderId)).items).toEqual([]);
    expect((await listIncidentRisks(ctx(), incidents.phishing)).items[0]?.linked_by).toBe(cast.devraj.userId);
    const fraud = await listRiskIncidents(as('priya'), (await riskTitled('fraudulent supplier payment')).id);
    expect(fraud.materialised.ever).toBe(1);
    expect(fraud.items[0]?.incident.id).toBe(incidents.bec);
    const timeline = await listTimeline(ctx(), incidents.ransomware, { limit: 200 });
    expect(timeline.items.filter((e) => e.kind === 'risks_changed')).toHaveLength(2);
  });

  it('records what the controls did in the incidents, for the register to learn from', async () => {
    const outcomes = async (id: string) => Object.fromEntries((await listIncidentControlOutcomes(ctx(), id)).items.map((o) => [o.control.ref, o.outcome]));
    expect(await outcomes(incidents.ransomware)).toEqual({ 'SAMPLE-BACKUP': 'worked', 'SAMPLE-EDR': 'detected', 'SAMPLE-MFA': 'absent' });
    expect(await outcomes(incidents.bec)).toEqual({ 'SAMPLE-CALLBACK': 'failed', 'SAMPLE-MFA': 'bypassed' });
    expect(await outcomes(incidents.phishing)).toEqual({ 'SAMPLE-PHISH': 'detected' });
    expect(await outcomes(incidents.laptop)).toEqual({ 'SAMPLE-FDE': 'worked' });
    const mfa = (await listControls(ctx(), { catalog_id: 'custom', q: 'SAMPLE-MFA', limit: 10 })).items[0]!;
    const seen = await listControlOutcomes(as('priya'), mfa.id);
    expect(seen.counts).toMatchObject({ absent: 1, bypassed: 1, worked: 0 });
  });

  it('loads again without duplicating anything', async () => {
    const again = await loadSampleRiskRegister(ctx(), cast, incidents);
    expect(again).toEqual({ assets: 7, risks: 8, controls: 8, incident_links: 5, control_outcomes: 7 });
    expect(await sampleRisks()).toHaveLength(8);
    expect((await listAssets(ctx(), { limit: 100 })).items).toHaveLength(7);
  });
});
