import { DAY_MS } from '../../domain/time.js';
import type { AssetRecord } from '../assets/asset-record.js';
import { addAssetDependency } from '../assets/add-asset-dependency.js';
import { createAsset } from '../assets/create-asset.js';
import { getAsset } from '../assets/get-asset.js';
import { listAssets } from '../assets/list-assets.js';
import type { ServiceContext } from '../context.js';
import { recordControlOutcome } from '../control-outcomes/record-control-outcome.js';
import { listIncidentControlOutcomes } from '../control-outcomes/list-incident-control-outcomes.js';
import type { ControlRecord } from '../controls/control-record.js';
import { createControl } from '../controls/create-control.js';
import { linkRiskControl } from '../controls/link-risk-control.js';
import { listControls } from '../controls/list-controls.js';
import { linkIncidentRisk } from '../incident-risks/link-incident-risk.js';
import { listIncidentRisks } from '../incident-risks/list-incident-risks.js';
import { createRisk } from '../risks/create-risk.js';
import { getRisk } from '../risks/get-risk.js';
import { listRisks } from '../risks/list-risks.js';
import type { RiskRecord } from '../risks/risk-record.js';
import { checkedInputs } from '../simulations/simulation-record.js';
import { simulateRisk } from '../simulations/simulate-risk.js';
import {
  SAMPLE_ASSETS,
  SAMPLE_CONTROL_OUTCOMES,
  SAMPLE_CONTROLS,
  SAMPLE_INCIDENT_RISKS,
  SAMPLE_RISKS,
  type AssetKey,
  type ControlKey,
  type RiskKey,
  type SampleRisk,
} from './sample-risk-register-data.js';
import type { Cast } from './sample-people.js';
import { SAMPLE_TAG, SAMPLE_TITLE_PREFIX } from './story.js';

/** The sample incidents the register is joined to (the restricted insider case is left alone). */
export interface SampleIncidentIds {
  ransomware: string;
  bec: string;
  phishing: string;
  laptop: string;
}

export interface SampleRiskRegisterResult {
  assets: number;
  risks: number;
  controls: number;
  incident_links: number;
  control_outcomes: number;
}

/** Simulated years per FAIR run, and a fixed seed so every demo shows the same annual loss estimates. */
const FAIR_ITERATIONS = 10_000;
const FAIR_SEED = 20_240_611;

const keysOf = <K extends string>(record: Record<K, unknown>) => Object.keys(record) as K[];
const named = (name: string) => `${SAMPLE_TITLE_PREFIX}${name}`;

/**
 * Loads the sample risk register through the services and joins it to the sample incidents: assets
 * (with dependencies), risks (with FAIR estimates for three), controls with the risks they mitigate,
 * the risks the incidents materialised and what the controls did in them. The risk owner (Priya)
 * keeps the register; the incident commanders record links and control outcomes on their incidents.
 *
 * Assets, controls and risks are found by their sample name (or control ref) when a previous load
 * left them, so loading again next to a second set of sample incidents reuses them; links and
 * outcomes already recorded are skipped. The counts are those of the sample register and of the
 * links and outcomes the given incidents now have.
 */
export async function loadSampleRiskRegister(ctx: ServiceContext, cast: Cast, incidents: SampleIncidentIds): Promise<SampleRiskRegisterResult> {
  const as = (person: keyof Cast): ServiceContext => ({ ...ctx, actor: cast[person] });
  const priya = as('priya');
  const now = Date.parse(ctx.clock.now());
  const inDays = (days: number) => new Date(now + days * DAY_MS).toISOString();

  // Assets, then their dependencies (a dependency needs both ends).
  const existingAssets = await allAssets(priya);
  const assets = {} as Record<AssetKey, AssetRecord>;
  for (const key of keysOf(SAMPLE_ASSETS)) {
    const asset = SAMPLE_ASSETS[key];
    assets[key] =
      existingAssets.find((a) => a.name === named(asset.name)) ??
      (await createAsset(priya, {
        name: named(asset.name),
        kind: asset.kind,
        description: asset.description,
        owner_id: cast[asset.owner].userId,
        criticality: asset.criticality,
        data_classifications: asset.data_classifications,
        jurisdictions: ['EU', 'GB'],
        tags: [SAMPLE_TAG, ...asset.tags],
      }));
  }
  for (const key of keysOf(SAMPLE_ASSETS)) {
    const dependencies = SAMPLE_ASSETS[key].dependsOn ?? [];
    if (dependencies.length === 0) continue;
    const present = new Set((await getAsset(priya, assets[key].id)).depends_on.map((d) => d.id));
    for (const dependency of dependencies) {
      const target = assets[dependency.asset].id;
      if (!present.has(target)) await addAssetDependency(priya, assets[key].id, { depends_on_id: target, note: dependency.note });
    }
  }

  // The organisation's own controls, as assessed by the risk owner.
  const existingControls = (await listControls(priya, { catalog_id: 'custom', q: 'SAMPLE-', limit: 100 })).items;
  const controls = {} as Record<ControlKey, ControlRecord>;
  for (const key of keysOf(SAMPLE_CONTROLS)) {
    const control = SAMPLE_CONTROLS[key];
    controls[key] =
      existingControls.find((c) => c.catalog_id === null && c.ref === control.ref) ??
      (await createControl(priya, {
        ref: control.ref,
        title: named(control.title),
        description: control.description,
        family: control.family,
        implementation_status: control.implementation_status,
        effectiveness: control.effectiveness,
        maturity: control.maturity,
        owner_id: cast[control.owner].userId,
        last_tested_at: inDays(-control.lastTestedDaysAgo),
        next_test_at: inDays(365 - control.lastTestedDaysAgo),
        evidence_notes: control.evidence_notes,
      }));
  }

  // Risks, the controls they rely on, and a FAIR estimate where the risk has inputs.
  const existingRisks = await allSampleRisks(priya);
  const risks = {} as Record<RiskKey, RiskRecord>;
  for (const key of keysOf(SAMPLE_RISKS)) {
    const risk = SAMPLE_RISKS[key];
    risks[key] = existingRisks.find((r) => r.title === named(risk.title)) ?? (await createSampleRisk(priya, cast, risk, risk.assets.map((a) => assets[a].id), inDays));
    const relied = new Set((await getRisk(priya, risks[key].id)).controls.map((c) => c.control_id));
    for (const link of risk.controls) {
      const control = controls[link.control];
      if (relied.has(control.id)) continue;
      await linkRiskControl(priya, risks[key].id, {
        control_id: control.id,
        status: link.status,
        owner_id: control.owner_id,
        due_at: link.dueInDays === undefined ? null : inDays(link.dueInDays),
        note: link.note,
      });
    }
    if (risk.fair && risks[key].annual_loss_mean === null) await simulateRisk(priya, risks[key].id, { iterations: FAIR_ITERATIONS, seed: FAIR_SEED });
  }

  // The incident ↔ risk loop: which risks the incidents materialised, and what the controls did.
  for (const link of SAMPLE_INCIDENT_RISKS) {
    const incident = incidents[link.incident];
    const linked = (await listIncidentRisks(ctx, incident)).items.some((r) => r.risk_id === risks[link.risk].id);
    if (!linked) await linkIncidentRisk(as(link.as), incident, { risk_id: risks[link.risk].id, note: link.note });
  }
  for (const entry of SAMPLE_CONTROL_OUTCOMES) {
    const incident = incidents[entry.incident];
    const recorded = (await listIncidentControlOutcomes(ctx, incident)).items.some((o) => o.control_id === controls[entry.control].id);
    if (!recorded) await recordControlOutcome(as(entry.as), incident, { control_id: controls[entry.control].id, outcome: entry.outcome, note: entry.note });
  }

  const ids = Object.values(incidents);
  let incidentLinks = 0;
  let controlOutcomes = 0;
  for (const id of new Set(ids)) {
    incidentLinks += (await listIncidentRisks(ctx, id)).items.filter((r) => Object.values(risks).some((risk) => risk.id === r.risk_id)).length;
    controlOutcomes += (await listIncidentControlOutcomes(ctx, id)).items.filter((o) => Object.values(controls).some((c) => c.id === o.control_id)).length;
  }
  return { assets: Object.keys(assets).length, risks: Object.keys(risks).length, controls: Object.keys(controls).length, incident_links: incidentLinks, control_outcomes: controlOutcomes };
}

async function createSampleRisk(ctx: ServiceContext, cast: Cast, risk: SampleRisk, assetIds: string[], inDays: (days: number) => string): Promise<RiskRecord> {
  const owner = cast[risk.owner].userId;
  const details =
    risk.treatment === 'accept'
      ? { accepted_by: owner, reason: risk.details.reason, until: inDays(Number(risk.details.untilDays)) }
      : risk.details;
  const { risk: created } = await createRisk(ctx, {
    title: named(risk.title),
    description: risk.description,
    threat: risk.threat,
    vulnerability: risk.vulnerability,
    category: risk.category,
    owner_id: owner,
    asset_ids: assetIds,
    techniques: risk.techniques,
    tags: [SAMPLE_TAG, ...risk.tags],
    inherent_likelihood: risk.inherent[0],
    inherent_impact: risk.inherent[1],
    residual_likelihood: risk.residual[0],
    residual_impact: risk.residual[1],
    treatment: risk.treatment,
    treatment_details: details,
    fair_inputs: risk.fair ? checkedInputs(risk.fair, 'fair_inputs.') : undefined,
  });
  return created;
}

async function allAssets(ctx: ServiceContext): Promise<AssetRecord[]> {
  const found: AssetRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAssets(ctx, { q: SAMPLE_TITLE_PREFIX.trim(), include_retired: true, limit: 100, cursor });
    // The name is unique among all assets, retired ones included, so a retired sample asset is reused too.
    found.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return found;
}

async function allSampleRisks(ctx: ServiceContext): Promise<RiskRecord[]> {
  const found: RiskRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await listRisks(ctx, { limit: 100, cursor });
    found.push(...page.items.filter((r) => r.tags.includes(SAMPLE_TAG)));
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return found;
}
