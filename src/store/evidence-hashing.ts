import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { BulwarkError } from '../domain/errors.js';

export interface EvidenceDigests {
  sha256: string;
  sha1: string;
  md5: string;
  sizeBytes: number;
}

export const tooLarge = (maxBytes: number) =>
  new BulwarkError('payload_too_large', `The file is larger than this server accepts (${maxBytes.toLocaleString('en')} bytes, BULWARK_EVIDENCE_MAX_BYTES). Nothing was kept.`, { extra: { max_bytes: maxBytes } });

/** Plain JavaScript, evaluated as a worker, so it runs the same from the TypeScript sources and the build. */
const HASH_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const ring = new Uint8Array(workerData.ring);
const hashes = workerData.algorithms.map((algorithm) => createHash(algorithm));
parentPort.on('message', (message) => {
  if (message === 'end') return parentPort.postMessage(hashes.map((h) => h.digest('hex')));
  const view = ring.subarray(message.offset, message.offset + message.length);
  for (const hash of hashes) hash.update(view);
  parentPort.postMessage('ack');
});`;

/** Slots of shared memory the bytes pass through to the worker: memory stays fixed whatever the file's size. */
const SLOTS = 16;
const SLOT_BYTES = 256 * 1024;

/**
 * A hashing thread fed through a ring of shared memory: each piece of a chunk is copied into the next
 * free slot and the slot's place posted; the worker acknowledges in order, freeing slots in order.
 */
class HashThread {
  private readonly worker: Worker;
  private readonly ring = new Uint8Array(new SharedArrayBuffer(SLOTS * SLOT_BYTES));
  private next = 0;
  private inFlight = 0;
  private waiting: (() => void) | undefined;
  private result: ((digests: string[]) => void) | undefined;
  private failure: Error | undefined;

  constructor(algorithms: string[], onError: (error: Error) => void) {
    this.worker = new Worker(HASH_WORKER, { eval: true, workerData: { algorithms, ring: this.ring.buffer } });
    this.worker.unref();
    this.worker.on('message', (message: 'ack' | string[]) => {
      if (message !== 'ack') return this.result?.(message);
      this.inFlight -= 1;
      const resume = this.waiting;
      this.waiting = undefined;
      resume?.();
    });
    this.worker.on('error', (error) => {
      this.failure = error;
      onError(error);
    });
  }

  /** Hands a chunk over, waiting for free slots when the worker is behind. */
  async send(chunk: Buffer): Promise<void> {
    for (let start = 0; start < chunk.length; start += SLOT_BYTES) {
      while (this.inFlight === SLOTS) await new Promise<void>((resolve) => (this.waiting = resolve));
      const piece = chunk.subarray(start, Math.min(chunk.length, start + SLOT_BYTES));
      const offset = this.next * SLOT_BYTES;
      this.ring.set(piece, offset);
      this.next = (this.next + 1) % SLOTS;
      this.inFlight += 1;
      this.worker.postMessage({ offset, length: piece.length });
    }
  }

  digests(): Promise<string[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve) => {
      this.result = resolve;
      this.worker.postMessage('end');
    });
  }

  stop(): void {
    void this.worker.terminate();
  }
}

/**
 * Passes bytes through unchanged while taking SHA-256, SHA-1 and MD5 of them and counting them, so a
 * file is read once; fails the stream as soon as it passes `maxBytes`. With `parallel`, SHA-1 and MD5
 * are computed on a worker thread while this thread takes SHA-256 and moves the bytes — the three in a
 * row on one thread are slower than the disk (see BENCHMARKS.md).
 */
export class EvidenceHasher extends Transform {
  private bytes = 0;
  private readonly inline: ReturnType<typeof inlineHashes>;
  private readonly thread: HashThread | undefined;
  private digestsFound: EvidenceDigests | undefined;

  constructor(private readonly maxBytes = Number.POSITIVE_INFINITY, options: { parallel?: boolean } = {}) {
    super();
    if (options.parallel) this.thread = new HashThread(['sha1', 'md5'], (e) => this.destroy(e));
    this.inline = inlineHashes(this.thread ? ['sha256'] : ['sha256', 'sha1', 'md5']);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) return callback(tooLarge(this.maxBytes));
    if (!this.thread) {
      this.inline.update(chunk);
      return callback(null, chunk);
    }
    const handedOver = this.thread.send(chunk);
    this.inline.update(chunk);
    handedOver.then(() => callback(null, chunk), (error: Error) => callback(error));
  }

  override _flush(callback: TransformCallback): void {
    const [sha256, ...rest] = this.inline.digest();
    if (!this.thread) {
      const [sha1, md5] = rest;
      this.digestsFound = { sha256: sha256!, sha1: sha1!, md5: md5!, sizeBytes: this.bytes };
      return callback();
    }
    this.thread.digests().then(
      ([sha1, md5]) => {
        this.digestsFound = { sha256: sha256!, sha1: sha1!, md5: md5!, sizeBytes: this.bytes };
        this.thread?.stop();
        callback();
      },
      (error: Error) => callback(error),
    );
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.thread?.stop();
    callback(error);
  }

  /** The digests once the stream has finished. */
  digests(): EvidenceDigests {
    if (!this.digestsFound) throw new Error('The digests are known once the stream has finished');
    return this.digestsFound;
  }
}

function inlineHashes(algorithms: string[]) {
  const hashes = algorithms.map((algorithm) => createHash(algorithm));
  return {
    update: (chunk: Buffer) => {
      for (const hash of hashes) hash.update(chunk);
    },
    digest: () => hashes.map((h) => h.digest('hex')),
  };
}
