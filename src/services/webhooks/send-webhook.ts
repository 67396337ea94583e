import { isDelivered, webhookSignature } from '../../domain/webhooks.js';

export interface WebhookRequest {
  url: string;
  secret: string;
  deliveryId: string;
  eventType: string;
  attempt: number;
  body: string;
  /** Unix seconds, signed together with the body. */
  timestamp: string;
  timeoutMs: number;
}

export interface WebhookAnswer {
  delivered: boolean;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

const ANSWER_EXCERPT = 300;

/** One signed POST; never throws: a refusal, a timeout or a dead host is an answer to record. */
export async function sendWebhook(request: WebhookRequest): Promise<WebhookAnswer> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Bulwark-Webhooks/1',
        'x-bulwark-event': request.eventType,
        'x-bulwark-delivery': request.deliveryId,
        'x-bulwark-attempt': String(request.attempt),
        'x-bulwark-timestamp': request.timestamp,
        'x-bulwark-signature': webhookSignature(request.secret, request.timestamp, request.body),
      },
      body: request.body,
    });
    const text = await excerptOf(response);
    if (isDelivered(response.status)) return { delivered: true, status_code: response.status, error: null, duration_ms: elapsed() };
    const excerpt = text.trim();
    return { delivered: false, status_code: response.status, error: `The receiver answered HTTP ${response.status}${excerpt ? `: ${excerpt}` : ''}`, duration_ms: elapsed() };
  } catch (error) {
    return { delivered: false, status_code: null, error: describeFailure(error, request.timeoutMs), duration_ms: elapsed() };
  }
}

/** The start of the answer only: a receiver streaming megabytes must not be read to the end. */
async function excerptOf(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < ANSWER_EXCERPT * 4) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch {
    // A body cut off half-way still leaves the status code to record.
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, ANSWER_EXCERPT);
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `No answer within ${Math.round(timeoutMs / 1000)} s`;
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  if (cause?.code) return `Could not reach the receiver (${cause.code}${cause.message ? `: ${cause.message}` : ''})`;
  return `Could not reach the receiver (${error instanceof Error ? error.message : String(error)})`;
}
