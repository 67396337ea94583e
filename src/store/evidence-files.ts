import { createReadStream, type ReadStream } from 'node:fs';
import { join } from 'node:path';

/**
 * Evidence files on disk, content-addressed: `<dir>/<first two hex digits>/<sha256>`. Identical files
 * share one stored copy; a file's name is its own integrity reference.
 */
export function evidenceBlobPath(dir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new TypeError('An evidence blob is named by a lower-case SHA-256');
  return join(dir, sha256.slice(0, 2), sha256);
}

export function openEvidenceBlob(dir: string, sha256: string): ReadStream {
  return createReadStream(evidenceBlobPath(dir, sha256));
}
