import { normaliseObservable } from '../../domain/observables.js';
import { fixedClock, HOUR_MS } from '../../domain/time.js';
import type { Actor, ServiceContext } from '../context.js';
import type { AlertInput } from '../ingestion/alert-input.js';
import { ingestAlerts } from '../ingestion/ingest-alerts.js';
import { addIncidentObservables, type NewObservable } from '../observables/add-incident-observables.js';
import { authorize } from '../policies/authorize.js';
import { getResponsePlan } from '../plan/get-response-plan.js';
import { savePlanDraft } from '../plan/save-plan-draft.js';
import { dismissAlerts } from '../triage/dismiss-alerts.js';
import { listAlerts } from '../triage/list-alerts.js';
import { mergeAlerts } from '../triage/merge-alerts.js';
import { IOC, SAMPLE_ALERTS, type SampleAlert } from './sample-alerts-data.js';
import { samplePlanContent } from './sample-plan-data.js';
import type { Cast } from './sample-people.js';
import type { SampleIncidentIds } from './sample-risk-register.js';
import { SAMPLE_TAG, SAMPLE_TITLE_PREFIX, type StoryStep } from './story.js';

export type { SampleIncidentIds };

export interface SampleSignalsResult {
  /** Alerts stored (repeats of the same source_ref count once). */
  alerts: number;
  /** Correlation groups the sample alerts fell into. */
  groups: number;
  /** Distinct observables (type and normalised value) on the sample alerts and incidents. */
  observables: number;
  /** The sample plan draft's version number; 0 when a plan existed already and was left alone. */
  plan_version: number;
}

/** The IOCs the responders recorded on the incidents, before the alerts that repeat them arrived. */
const RANSOMWARE_OBSERVABLES: NewObservable[] = [
  { type: 'ip', value: IOC.c2Ip, ioc: true, sighted: true, note: 'C2 server contacted by fin_sync_update.exe on FS01 and FS02; blocked at the firewall.' },
  { type: 'domain', value: IOC.c2Domain, ioc: true, sighted: true, note: 'SNI of the C2 traffic; sinkholed on the protective DNS.' },
  { type: 'sha256', value: IOC.ransomwareSha256, ioc: true, sighted: true, note: 'The encryptor (fin_sync_update.exe) recovered from FS01; added to the EDR block list.' },
  { type: 'domain', value: IOC.phishingDomain, ioc: true, note: 'Fake VPN sign-in page where the svc-backup password was captured (initial access).' },
];
const BEC_OBSERVABLES: NewObservable[] = [
  { type: 'domain', value: IOC.lookalikeDomain, ioc: true, note: 'Look-alike of the supplier Northwind Logistics ("l" for "i"); blocked at the mail gateway.' },
  { type: 'email', value: IOC.attackerEmail, ioc: true, sighted: true, note: 'Sent the changed bank details and received the forwarded invoices.' },
];

const withSampleTag = (items: NewObservable[]): NewObservable[] => items.map((o) => ({ ...o, tags: [SAMPLE_TAG, ...(o.tags ?? [])] }));

/** "EDR-DET-202611230415-07": the sender's id, made from the first-seen time so a second load gets new alerts. */
/** The sender's reference: unique per load (to the millisecond), so a forced second load stores a second set rather than repeats of the first. */
function sourceRef(alert: SampleAlert, firstSeen: number, index: number): string {
  const stamp = new Date(firstSeen).toISOString().slice(0, 23).replace(/[-T:.]/g, '');
  return `${alert.ref}-${stamp}-${String(index + 1).padStart(2, '0')}`;
}

function alertInput(alert: SampleAlert, ref: string, seenAt: number): AlertInput {
  return {
    source: alert.source,
    source_ref: ref,
    type: alert.type,
    title: `${SAMPLE_TITLE_PREFIX}${alert.title}`,
    description: `${alert.description}\n\n_This is sample data loaded by \`bulwark demo\`._`,
    severity: alert.severity,
    // Senders forward what they saw a couple of minutes after it happened.
    occurred_at: new Date(seenAt - 2 * 60_000).toISOString(),
    tags: [SAMPLE_TAG, ...alert.tags],
    tlp: 'amber',
    observables: alert.observables.map((o) => ({ ...o, tags: [SAMPLE_TAG] })),
    raw: { sample: true, vendor: alert.source, rule: alert.type },
  };
}

/**
 * Loads the sample alerts, their triage, the incidents' IOCs and a draft response plan through the
 * services, each step as the sample person who would do it, at times in the past (the alerts over the
 * last day). Meant to run after the sample incidents exist. The plan is never approved: an approved
 * plan would escalate new incidents by e-mail to the sample people.
 */
export async function loadSampleSignals(ctx: ServiceContext, cast: Cast, incidents: SampleIncidentIds): Promise<SampleSignalsResult> {
  // It acts as the sample people: only an administrator loads sample data (as for loadDemo).
  authorize(ctx.actor, 'settings.manage');
  // A minute of margin keeps the last step in the past even on a slow machine.
  const now = Date.parse(ctx.clock.now()) - 60_000;
  const ago = (hours: number) => now - hours * HOUR_MS;
  const steps: StoryStep[] = [];
  const add = (hours: number, as: Actor, run: StoryStep['run']) => steps.push({ at: ago(hours), as, run });
  const alertIds = new Map<string, string>();
  const idOf = (key: string) => {
    const id = alertIds.get(key);
    if (!id) throw new Error(`The sample alert ${key} was triaged before it was stored.`);
    return id;
  };

  add(46, cast.devraj, (c) => addIncidentObservables(c, incidents.ransomware, withSampleTag(RANSOMWARE_OBSERVABLES)));
  add(146, cast.mia, (c) => addIncidentObservables(c, incidents.bec, withSampleTag(BEC_OBSERVABLES)));

  SAMPLE_ALERTS.forEach((alert, index) => {
    const ref = sourceRef(alert, ago(alert.at), index);
    for (const hours of [alert.at, ...(alert.repeats ?? [])]) {
      add(hours, cast.mia, async (c) => {
        const report = await ingestAlerts(c, [alertInput(alert, ref, ago(hours))]);
        const result = report.results[0]!;
        if (result.outcome === 'rejected') throw new Error(`Sample alert ${alert.key} was rejected: ${JSON.stringify(result.errors)}`);
        if (result.alert_id && !alertIds.has(alert.key)) alertIds.set(alert.key, result.alert_id);
      });
    }
  });

  const merges = new Map<number, string[]>();
  for (const alert of SAMPLE_ALERTS) {
    const triage = alert.triage;
    if (triage?.action === 'merge_ransomware') merges.set(triage.at, [...(merges.get(triage.at) ?? []), alert.key]);
    else if (triage?.action === 'dismiss') add(triage.at, cast.mia, (c) => dismissAlerts(c, { alert_ids: [idOf(alert.key)], reason: triage.reason }));
  }
  for (const [hours, keys] of merges) add(hours, cast.mia, (c) => mergeAlerts(c, { alert_ids: keys.map(idOf), incident_id: incidents.ransomware }));

  let planVersion = 0;
  add(8, cast.sofia, async (c) => {
    // Never touch a plan someone wrote: the sample draft only fills an empty plan page.
    const plan = await getResponsePlan(c);
    if (plan.in_force || plan.draft) return;
    const { draft } = await savePlanDraft(c, undefined, {
      content: samplePlanContent(cast),
      change_note: 'Sample draft loaded by `bulwark demo`. Not approved, so it escalates nobody; review it, replace the sample people and numbers, then approve your own.',
      review_due_at: new Date(ago(-180 * 24)).toISOString(),
    });
    planVersion = draft.plan_version;
  });

  // Stable sort: steps at the same time keep their order.
  steps.sort((a, b) => a.at - b.at);
  const clock = fixedClock(new Date(steps[0]!.at).toISOString());
  for (const step of steps) {
    clock.set(new Date(step.at).toISOString());
    await step.run({ ...ctx, clock, actor: step.as });
  }

  const ids = new Set(alertIds.values());
  const listed = await listAlerts({ ...ctx, actor: cast.mia }, { tags: [SAMPLE_TAG], limit: 500 });
  const groups = new Set(listed.items.filter((a) => ids.has(a.id) && a.group_id).map((a) => a.group_id));
  const values = [...SAMPLE_ALERTS.flatMap((a) => a.observables), ...RANSOMWARE_OBSERVABLES, ...BEC_OBSERVABLES].map((o) => {
    const n = normaliseObservable(o.type, o.value);
    return n.ok ? `${n.type}:${n.value}` : `${o.type}:${o.value}`;
  });
  return { alerts: ids.size, groups: groups.size, observables: new Set(values).size, plan_version: planVersion };
}
