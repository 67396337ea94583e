import { Agent, request } from 'node:http';

export interface HttpAnswer {
  status: number;
  body: string;
}

/** A keep-alive HTTP/1.1 client for a server on the loopback interface. */
export function loopbackClient(port: number, token: string, maxSockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  /** `payload` is the body already serialised as JSON, so a sender can do that before its clock starts. */
  const sendSerialised = (method: string, path: string, payload: string | undefined): Promise<HttpAnswer> =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          agent,
          headers: {
            authorization: `Bearer ${token}`,
            ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  const send = (method: string, path: string, body?: unknown) => sendSerialised(method, path, body === undefined ? undefined : JSON.stringify(body));
  return { send, sendSerialised, close: () => agent.destroy() };
}

/**
 * Sends `total` requests from `concurrency` clients, each waiting for its answer before sending the
 * next; returns every request's latency and the wall time.
 */
export async function runConcurrently(total: number, concurrency: number, one: (i: number) => Promise<void>): Promise<{ latencies: number[]; wallMs: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const i = next;
      next += 1;
      const t0 = performance.now();
      await one(i);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return { latencies, wallMs: performance.now() - started };
}
