import type { ServiceContext } from '../src/services/context.js';
import { countMatchingIncidents, listIncidents, type IncidentListInput } from '../src/services/incidents/list-incidents.js';
import type { loopbackClient } from './http-client.js';
import { timeRepeatedly, type Summary } from './stats.js';

export interface ListScenario {
  name: string;
  /** The query string of GET /api/v1/incidents (or /count). */
  query: string;
  /** The same request as the service sees it. */
  input: IncidentListInput;
  count?: boolean;
  /** The scenario the issue sets a target for. */
  target?: boolean;
}

export function listScenarios(month: { from: string; to: string }): ListScenario[] {
  return [
    { name: 'phase=containment & severity=1,2', query: 'phase=containment&severity=1,2&limit=50', input: { phases: ['containment'], severities: [1, 2], limit: 50 }, target: true },
    { name: 'newest first, no filter', query: 'limit=50', input: { limit: 50 } },
    { name: 'open, by severity', query: 'open=true&sort=severity&limit=50', input: { open: true, sort: 'severity', limit: 50 } },
    { name: 'tag=vpn', query: 'tag=vpn&limit=50', input: { tags: ['vpn'], limit: 50 } },
    { name: 'assignee=me', query: 'assignee=me&limit=50', input: { assignee_id: 'me', limit: 50 } },
    { name: 'search q=ransomware', query: 'q=ransomware&limit=50', input: { q: 'ransomware', limit: 50 } },
    {
      name: 'detected in one month, phase=closed,post_incident',
      query: `phase=closed,post_incident&detected_from=${month.from}&detected_to=${month.to}&limit=50`,
      input: { phases: ['closed', 'post_incident'], detected_from: month.from, detected_to: month.to, limit: 50 },
    },
    { name: 'count: phase=containment & severity=1,2', query: 'phase=containment&severity=1,2', input: { phases: ['containment'], severities: [1, 2], limit: 0 }, count: true },
  ];
}

export interface ListResult {
  scenario: ListScenario;
  viewer: string;
  rows: number;
  inProcess: Summary;
  http: Summary;
}

/** Times one scenario through the service in this process and through the HTTP API over loopback. */
export async function benchList(
  scenario: ListScenario,
  viewer: { name: string; ctx: ServiceContext; client: ReturnType<typeof loopbackClient> },
  iterations: number,
): Promise<ListResult> {
  const path = `/api/v1/incidents${scenario.count ? '/count' : ''}?${scenario.query}`;
  const first = await viewer.client.send('GET', path);
  if (first.status !== 200) throw new Error(`GET ${path} answered ${first.status}: ${first.body}`);
  const parsed = JSON.parse(first.body) as { items?: unknown[]; count?: number };
  const rows = scenario.count ? parsed.count! : parsed.items!.length;
  const warmUp = Math.min(30, iterations);
  const inProcess = await timeRepeatedly(iterations, warmUp, async () => {
    if (scenario.count) await countMatchingIncidents(viewer.ctx, scenario.input);
    else await listIncidents(viewer.ctx, scenario.input);
  });
  const http = await timeRepeatedly(iterations, warmUp, async () => {
    const answer = await viewer.client.send('GET', path);
    if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}`);
  });
  return { scenario, viewer: viewer.name, rows, inProcess, http };
}
