import { conflict } from '../../domain/errors.js';
import { fixedClock, HOUR_MS } from '../../domain/time.js';
import type { ServiceContext } from '../context.js';
import { listIncidents } from '../incidents/list-incidents.js';
import { authorize } from '../policies/authorize.js';
import { businessEmailCompromise, ransomwareOutbreak } from './ransomware-and-bec.js';
import { insiderCase, lostLaptop, phishingCampaign } from './other-sample-incidents.js';
import { loadSampleRiskRegister, type SampleRiskRegisterResult } from './sample-risk-register.js';
import { loadSampleSignals, type SampleSignalsResult } from './sample-signals.js';
import { ensureSamplePeople, SAMPLE_PEOPLE, type Cast, type SamplePerson } from './sample-people.js';
import { SAMPLE_TAG, type StoryStep } from './story.js';

export interface DemoResult {
  incidents: { number: string; title: string; phase: string; severity: number; restricted: boolean }[];
  people: SamplePerson[];
  /** The risk register joined to the incidents: counts of what was added. */
  register: SampleRiskRegisterResult;
  /** Alerts in the triage queue, observables, and the response plan draft. */
  signals: SampleSignalsResult;
}

/** How far back the story starts: the sample people join just before the oldest sample incident. */
const STORY_HOURS = 300;

/** Whether sample data is loaded already: any incident, restricted or not, tagged sample-data. */
export async function sampleDataPresent(ctx: ServiceContext): Promise<boolean> {
  authorize(ctx.actor, 'settings.manage');
  const page = await listIncidents(ctx, { tags: [SAMPLE_TAG], limit: 1 });
  return page.items.length > 0;
}

/** The story's actions need the sample people's roles as written; a changed role would fail half-way. */
function checkRoles(cast: Cast): void {
  for (const [key, person] of Object.entries(SAMPLE_PEOPLE) as [keyof Cast, (typeof SAMPLE_PEOPLE)[keyof Cast]][]) {
    const role = cast[key].role;
    if (role !== person.role && role !== 'admin') {
      throw conflict(`Sample user ${person.email} is now ${role}; the sample story needs the role ${person.role}. Change it back to load sample data.`);
    }
  }
}

/**
 * Loads the sample incidents through the services, as the sample people, at past times, then the risk
 * register they are joined to (assets, risks, controls, incident links, control outcomes) and the
 * signals around them (alerts in the triage queue, observables, a response plan draft). Each step is
 * its own transaction, like the people's actions it stands for. Refuses when sample data is present
 * unless forced (a second set then sits next to the first).
 */
export async function loadDemo(ctx: ServiceContext, options: { force?: boolean } = {}): Promise<DemoResult> {
  authorize(ctx.actor, 'settings.manage');
  if (!options.force && (await sampleDataPresent(ctx))) {
    throw conflict('Sample data is already loaded (incidents tagged sample-data exist). Use --force to load another set.');
  }
  // A minute of margin keeps the last step in the past even on a slow machine.
  const now = Date.parse(ctx.clock.now()) - 60_000;
  const story = fixedClock(new Date(now - STORY_HOURS * HOUR_MS).toISOString());
  const { cast, people } = await ensureSamplePeople({ ...ctx, clock: story });
  checkRoles(cast);

  const steps: StoryStep[] = [];
  const incidents = [ransomwareOutbreak, businessEmailCompromise, phishingCampaign, lostLaptop, insiderCase].map((script) => script(steps, now, cast));
  // Stable sort: steps at the same time keep their order within their incident.
  steps.sort((a, b) => a.at - b.at);
  for (const step of steps) {
    story.set(new Date(step.at).toISOString());
    await step.run({ ...ctx, clock: story, actor: step.as });
  }
  const [ransomware, bec, phishing, laptop] = incidents.map((incident) => incident.id!) as [string, string, string, string];
  const register = await loadSampleRiskRegister(ctx, cast, { ransomware, bec, phishing, laptop });
  const signals = await loadSampleSignals(ctx, cast, { ransomware, bec, phishing, laptop });
  const numbers = incidents.map((incident) => incident.number!);
  const loaded = await listIncidents(ctx, { tags: [SAMPLE_TAG], limit: 100 });
  return {
    incidents: loaded.items.filter((i) => numbers.includes(i.number)).map((i) => ({ number: i.number, title: i.title, phase: i.phase, severity: i.severity, restricted: i.restricted })),
    people,
    register,
    signals,
  };
}
