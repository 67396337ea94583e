import { parentPort, threadId } from 'node:worker_threads';
import { handleFairRequest, type FairRequest } from './fair-work.js';

/**
 * Entry of a simulation worker thread (started by the simulation pool). Each message is
 * `{id, request}`; the answer is `{id, ok, answer | error, thread_id}`, with `{id, progress}` before it.
 */
if (!parentPort) throw new Error('fair-worker runs as a worker thread');
const port = parentPort;

port.on('message', (message: { id: number; request: FairRequest }) => {
  try {
    const { answer, transfer } = handleFairRequest(message.request, (done) => port.postMessage({ id: message.id, progress: done }));
    port.postMessage({ id: message.id, ok: true, answer, thread_id: threadId }, transfer);
  } catch (error) {
    port.postMessage({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error), thread_id: threadId });
  }
});
