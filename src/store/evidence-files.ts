import { randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EvidenceHasher, type EvidenceDigests } from './evidence-hashing.js';

export { EvidenceHasher, tooLarge, type EvidenceDigests } from './evidence-hashing.js';

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

/** Uploads in progress live here until complete, so a half-written file is never at a content address. */
export function evidenceIncomingDir(dir: string): string {
  return join(dir, '.incoming');
}

/** From this size on the three hashes run on worker threads; below it starting them costs more than it saves. */
export const PARALLEL_HASHING_FROM_BYTES = 32 * 1024 * 1024;

export interface StoredEvidenceFile extends EvidenceDigests {
  /** False when an identical file was stored already (this copy was dropped). */
  created: boolean;
}

/**
 * Streams an upload to disk while hashing it, then moves it to its content address. The bytes are
 * flushed (file and folder fsync'd) before this answers, so a recorded item's file survives a crash.
 * On any failure — too large, the source erroring because the client went away — the partial file is
 * deleted and the error passed on. `expectedBytes` (the declared length, when known) picks the hashing.
 */

export async function storeEvidenceFile(dir: string, source: Readable, maxBytes: number, options: { expectedBytes?: number | undefined } = {}): Promise<StoredEvidenceFile> {
  // The source may fail (the client goes away) while the folder and file are being opened, before the
  // pipeline listens; the pipeline then sees it destroyed and fails, instead of the process crashing.
  source.on('error', () => undefined);
  const incoming = evidenceIncomingDir(dir);
  await mkdir(incoming, { recursive: true });
  const temp = join(incoming, randomUUID());
  const hasher = new EvidenceHasher(maxBytes, { parallel: (options.expectedBytes ?? 0) >= PARALLEL_HASHING_FROM_BYTES });
  const handle = await open(temp, 'wx');
  let digests: EvidenceDigests;
  const out = handle.createWriteStream({ autoClose: false, highWaterMark: 1024 * 1024 });
  try {
    await pipeline(source, hasher, out);
    await handle.sync();
    digests = hasher.digests();
  } catch (error) {
    out.destroy();
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  // The stream holds a reference on the handle until destroyed; FileHandle.close() would wait for it forever.
  out.destroy();
  await handle.close();
  try {
    const target = evidenceBlobPath(dir, digests.sha256);
    if (await exists(target)) {
      await unlink(temp);
      return { ...digests, created: false };
    }
    await mkdir(dirname(target), { recursive: true });
    await rename(temp, target);
    await syncDirectory(dirname(target));
    return { ...digests, created: true };
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Deletes a stored file (nothing when it is gone already). Callers make sure no item uses it. */
export async function deleteEvidenceFile(dir: string, sha256: string): Promise<void> {
  await unlink(evidenceBlobPath(dir, sha256)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}

/** Names of uploads in progress (or left by a crash), for tests and the operator. */
export async function incomingEvidenceFiles(dir: string): Promise<string[]> {
  return readdir(evidenceIncomingDir(dir)).catch(() => []);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** A rename is durable only once its folder is flushed too. */
async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
