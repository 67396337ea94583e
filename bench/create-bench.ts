import type { loopbackClient } from './http-client.js';
import { runConcurrently } from './http-client.js';
import { summarise, type Summary } from './stats.js';

export interface CreateResult {
  requests: number;
  concurrency: number;
  perSecond: number;
  latency: Summary;
}

const CATEGORIES = ['phishing', 'malware', 'account_compromise', 'ransomware', 'web_application'];

/** POST /api/v1/incidents from `concurrency` keep-alive clients; every answer must be 201. */
export async function benchCreate(client: ReturnType<typeof loopbackClient>, requests: number, concurrency: number): Promise<CreateResult> {
  const body = (i: number) => ({
    title: `Benchmark incident ${i}: suspicious sign-in from new country`,
    category: CATEGORIES[i % CATEGORIES.length],
    severity: (i % 4) + 1,
    summary: 'Opened by the benchmark through the HTTP API.',
    tags: ['bench', i % 2 ? 'vpn' : 'email'],
  });
  const { latencies, wallMs } = await runConcurrently(requests, concurrency, async (i) => {
    const answer = await client.send('POST', '/api/v1/incidents', body(i));
    if (answer.status !== 201) throw new Error(`POST /api/v1/incidents answered ${answer.status}: ${answer.body}`);
  });
  return { requests, concurrency, perSecond: requests / (wallMs / 1000), latency: summarise(latencies) };
}
