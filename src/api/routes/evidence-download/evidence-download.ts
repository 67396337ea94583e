import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition } from '../../../domain/content-disposition.js';
import { downloadEvidence } from '../../../services/evidence/download-evidence.js';
import { serviceContext } from '../../context.js';
import { idParam, problemResponses, problemSchema } from '../../schemas.js';
import { downloadQuery } from './schema.js';

/** Evidence shown inline cannot run scripts, load anything or be framed, whatever it contains (a phishing page, say). */
const INLINE_CSP = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'";

export async function evidenceDownloadRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/evidence/:id/download', {
    schema: {
      tags: ['Evidence'],
      summary: 'Download the stored file (recorded in the chain of custody)',
      description:
        'Streams the file with Content-Disposition (RFC 6266, `filename*` for any name) and X-Evidence-SHA256 (the recorded hash, to check the copy). Recorded as custody `downloaded` (or `accessed` with ?disposition=inline) before the first byte is sent, with your address and browser. Malware samples only come as `<name>.zip`, encrypted with the archive password (BULWARK_MALWARE_ARCHIVE_PASSWORD, default "infected"; ZipCrypto, so `unzip -P infected` and 7-Zip open it). 409: an item without a file, or a stored file that is missing (recorded as an integrity failure); 410: destroyed.',
      params: idParam,
      querystring: downloadQuery,
      produces: ['application/octet-stream', 'application/zip'],
      response: { 200: z.string().meta({ format: 'binary' }).describe('The file, or for a malware sample a password-protected ZIP of it'), 410: problemSchema, ...problemResponses },
    },
    // Runs after the app-wide security headers, so this policy replaces theirs for inline evidence.
    onSend: async (request, reply, payload) => {
      if ((request.query as { disposition?: string }).disposition === 'inline' && reply.statusCode === 200) reply.header('content-security-policy', INLINE_CSP);
      return payload;
    },
  }, async (request, reply) => {
    const inline = request.query.disposition === 'inline';
    const download = await downloadEvidence(serviceContext(request), request.params.id, { inline, client_ip: request.ip, user_agent: String(request.headers['user-agent'] ?? '').slice(0, 500) });
    reply
      .header('content-type', download.media_type)
      .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', download.file_name))
      .header('x-evidence-sha256', download.sha256)
      .header('x-evidence-number', download.number);
    if (download.size_bytes !== null) reply.header('content-length', download.size_bytes);
    // A stream, which Fastify pipes as it comes (the schema only documents it).
    return reply.send(download.content as never);
  });
}
