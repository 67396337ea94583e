import { benchAlert } from './ingest-raw.js';
import { loopbackClient, runConcurrently } from './http-client.js';

/**
 * The detection source of `npm run bench -- ingest`, in a process of its own (started by
 * ingest-bench.ts with fork), as a SIEM would be: it builds and serialises every batch before the
 * clock starts, then sends them one after another and reports the latencies. The server's thread
 * thus does only the server's work.
 */
export interface SenderOrder {
  port: number;
  token: string;
  batches: number;
  perBatch: number;
  singles: number;
  senders: number;
}

export interface SenderReport {
  batch: { latencies: number[]; wallMs: number };
  single: { latencies: number[]; wallMs: number };
}

async function send(order: SenderOrder): Promise<SenderReport> {
  const client = loopbackClient(order.port, order.token, order.senders);
  try {
    const warm = await client.send('POST', '/api/v1/alerts/batch', { alerts: Array.from({ length: 100 }, (_, i) => benchAlert('warm', i)) });
    if (warm.status !== 200) throw new Error(`warm-up batch answered ${warm.status}: ${warm.body.slice(0, 300)}`);
    // 5 % of each batch repeats the previous batch's alerts, so de-duplication by source_ref is exercised.
    const { perBatch } = order;
    const alertOf = (b: number, i: number) => (i < perBatch / 20 && b > 0 ? benchAlert('batch', (b - 1) * perBatch + i) : benchAlert('batch', b * perBatch + i));
    const payloads = Array.from({ length: order.batches }, (_, b) => JSON.stringify({ alerts: Array.from({ length: perBatch }, (_, i) => alertOf(b, i)) }));
    const latencies: number[] = [];
    const started = performance.now();
    for (const payload of payloads) {
      const t0 = performance.now();
      const answer = await client.sendSerialised('POST', '/api/v1/alerts/batch', payload);
      if (answer.status !== 200) throw new Error(`batch answered ${answer.status}: ${answer.body.slice(0, 300)}`);
      latencies.push(performance.now() - t0);
    }
    const batch = { latencies, wallMs: performance.now() - started };
    const singles = Array.from({ length: order.singles }, (_, i) => JSON.stringify(benchAlert('single', i)));
    const single = await runConcurrently(order.singles, order.senders, async (i) => {
      const answer = await client.sendSerialised('POST', '/api/v1/alerts', singles[i]!);
      if (answer.status !== 201) throw new Error(`POST /api/v1/alerts answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    });
    return { batch, single };
  } finally {
    client.close();
  }
}

process.once('message', (order: SenderOrder) => {
  send(order).then(
    (report) => process.send!({ report }, () => process.exit(0)),
    (error: unknown) => process.send!({ error: error instanceof Error ? error.message : String(error) }, () => process.exit(1)),
  );
});
