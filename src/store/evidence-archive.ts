import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { configure, ZipWriter } from '@zip.js/zip.js';

// Compression and encryption run in this thread: the server has no web workers to hand them to.
configure({ useWebWorkers: false });

export interface ArchiveEntry {
  /** The name of the one file inside the archive. */
  name: string;
  lastModified: Date;
  content: Readable;
}

/**
 * A ZIP archive holding one file, encrypted with ZipCrypto under `password`, produced as a stream while
 * the file is read (never held whole in memory). ZipCrypto is weak by design here: the point is that the
 * sample cannot be opened or scanned by accident, and `unzip -P`, 7-Zip and Windows Explorer all open
 * it, which AES archives do not everywhere.
 */
export function encryptedZipStream(entry: ArchiveEntry, password: string): Readable {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const out = Readable.fromWeb(readable as unknown as WebReadableStream<Uint8Array>);
  const zip = new ZipWriter(writable, { password, zipCrypto: true, useWebWorkers: false });
  const input = Readable.toWeb(entry.content) as unknown as ReadableStream<Uint8Array>;
  zip
    .add(entry.name, { readable: input }, { lastModDate: entry.lastModified })
    .then(() => zip.close())
    .catch((error: unknown) => {
      entry.content.destroy();
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  return out;
}
