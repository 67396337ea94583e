import type { FastifyInstance } from 'fastify';
import { mayReceiveEvent } from '../../../services/policies/event-visibility.js';
import { serviceContext } from '../../context.js';

const HEARTBEAT_MS = 25_000;

/**
 * Server-sent events: every change the caller may see, as `event: <type>` with the event as JSON.
 * Who receives what is decided by the event-visibility policy.
 */
export async function eventRoutes(app: FastifyInstance) {
  const openStreams = new Set<() => void>();
  app.addHook('onClose', async () => {
    for (const end of openStreams) end();
  });

  app.get('/api/v1/events', {
    schema: { tags: ['Events'], summary: 'Live changes (server-sent events)', description: 'text/event-stream; each message is a change event. Filter with ?incident_id=.' },
  }, async (request, reply) => {
    const ctx = serviceContext(request);
    const only = (request.query as { incident_id?: string }).incident_id;

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    raw.write(`retry: 3000\n: connected\n\n`);
    const unsubscribe = ctx.events.subscribe((event) => {
      void (only && event.incident_id !== only ? Promise.resolve(false) : mayReceiveEvent(ctx, event)).then((ok) => {
        if (ok && !raw.destroyed) raw.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      }, () => undefined);
    });
    const heartbeat = setInterval(() => raw.write(`: heartbeat\n\n`), HEARTBEAT_MS);
    const close = () => {
      clearInterval(heartbeat);
      unsubscribe();
      openStreams.delete(end);
    };
    const end = () => {
      close();
      raw.end();
    };
    openStreams.add(end);
    request.raw.on('close', close);
  });
}
