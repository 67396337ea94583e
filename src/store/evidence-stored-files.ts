import { createHash } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { evidenceBlobPath } from './evidence-files.js';

/** Reading back and removing stored evidence files; a file that is not there answers null rather than throwing. */

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';

/**
 * Opens the stored file for streaming. The file is opened before anything is promised to the caller, so a
 * missing file is known up front and not halfway through a response.
 */
export async function openStoredEvidence(dir: string, sha256: string): Promise<{ stream: Readable; size: number } | null> {
  let handle;
  try {
    handle = await open(evidenceBlobPath(dir, sha256), 'r');
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    return { stream: handle.createReadStream({ autoClose: true }), size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** The SHA-256 of the stored file as it is now, read as a stream (never whole in memory); null when the file is gone. */
export async function hashStoredEvidence(dir: string, sha256: string): Promise<{ sha256: string; size: number } | null> {
  const opened = await openStoredEvidence(dir, sha256);
  if (!opened) return null;
  const hash = createHash('sha256');
  let size = 0;
  await pipeline(opened.stream, async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      size += chunk.length;
      hash.update(chunk);
    }
  });
  return { sha256: hash.digest('hex'), size };
}

/** Deletes the stored copy of destroyed content; already gone is fine. */
export async function removeStoredEvidence(dir: string, sha256: string): Promise<void> {
  await rm(evidenceBlobPath(dir, sha256), { force: true });
}
