import { expect } from 'vitest';

export interface Received {
  type: string;
  data: { incident_id?: string; entity_id: string };
}

/** Opens an SSE stream over a real socket and collects events until closed. */
export async function subscribe(baseUrl: string, token: string) {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/v1/events`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const received: Received[] = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (type && data) received.push({ type, data: JSON.parse(data) });
        }
      }
    } catch {
      // aborted
    }
  })();
  return { received, close: () => controller.abort() };
}

export const until = async (check: () => boolean, ms = 5000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for events');
    await new Promise((r) => setTimeout(r, 25));
  }
};

