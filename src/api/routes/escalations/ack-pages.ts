import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BulwarkError } from '../../../domain/errors.js';
import { acknowledgeByLink, findLinkedCall, type LinkedCall } from '../../../services/escalations/acknowledge-by-link.js';
import { ackTokenParams } from './schema.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const utc = (at: string) => `${at.slice(0, 16).replace('T', ' ')} UTC`;

/** A tiny page that works in any mail client's browser: no script, no external resource, one form. */
function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)} — Bulwark</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1b1e}h1{font-size:1.4rem}button{font-size:1.1rem;padding:.6rem 1.4rem;border-radius:6px;border:0;background:#1c7ed6;color:#fff;cursor:pointer}.muted{color:#555}</style>
</head><body><main>${body}</main></body></html>`;
}

const describe = (call: LinkedCall) =>
  `<p><strong>${escape(call.incident_number)}</strong>${call.incident_title ? ` — ${escape(call.incident_title)}` : ' (restricted: the title is shown in Bulwark only)'}<br>Severity ${call.severity}. ${escape(call.contact_name)}, called at ${utc(call.notified_at)}.</p>`;

function send(reply: FastifyReply, status: number, html: string) {
  return reply.code(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').header('x-robots-tag', 'noindex').send(html);
}

const unknown = () => page('Unknown link', '<h1>This acknowledgement link is not known</h1><p>Check that the whole link was copied from the e-mail. If the call is still open, acknowledge in Bulwark or tell the incident commander by phone.</p>');
const already = (call: LinkedCall) => page('Already acknowledged', `<h1>Already acknowledged</h1>${describe(call)}<p>This call was acknowledged at ${utc(call.acknowledged_at!)}. Nothing more to do here: join the team on the out-of-band channel.</p>`);

/**
 * The e-mailed acknowledgement link, outside the API and without signing in. Opening it (GET) only
 * shows what it is for, because mail scanners open links; the button POSTs the acknowledgement.
 */
export async function acknowledgementPages(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // The button's form posts no fields; its body is ignored.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, _body, done) => done(null, {}));

  api.get('/ack/:token', { schema: { hide: true, params: ackTokenParams } }, async (request, reply) => {
    const call = await findLinkedCall(app.deps, request.params.token);
    if (!call) return send(reply, 404, unknown());
    if (call.acknowledged_at) return send(reply, 200, already(call));
    const action = `/ack/${encodeURIComponent(request.params.token)}`;
    return send(reply, 200, page(`Acknowledge ${call.incident_number}`, `<h1>You are called for ${escape(call.incident_number)}</h1>${describe(call)}<p>Acknowledge to tell the response team you have the call.</p><form method="post" action="${escape(action)}"><button type="submit">Acknowledge</button></form>`));
  });

  api.post('/ack/:token', { schema: { hide: true, params: ackTokenParams } }, async (request, reply) => {
    try {
      const call = await acknowledgeByLink(app.deps, request.params.token);
      if (!call) return send(reply, 404, unknown());
      return send(reply, 200, page('Acknowledged', `<h1>Acknowledged</h1>${describe(call)}<p>Recorded at ${utc(call.acknowledged_at!)}. The response team sees it on the incident. Join them on the out-of-band channel from the e-mail.</p>`));
    } catch (error) {
      if (!(error instanceof BulwarkError) || error.kind !== 'conflict') throw error;
      const call = await findLinkedCall(app.deps, request.params.token);
      return send(reply, 409, call ? already(call) : unknown());
    }
  });
}
