import { ApiProblem } from '../../../api/problem';
import { fileProblems, type UploadMetadata } from './evidenceFormat';
import type { Evidence } from './types';
import { uploadEvidence, type RunningUpload } from './upload';
import type { QueuedUpload } from './UploadQueue';

/**
 * The uploads of each incident, kept outside React so that switching tabs or pages inside the app
 * does not stop a long upload. Files go one after another; leaving the app asks first.
 */
const queues = new Map<string, QueuedUpload[]>();
const plans = new Map<string, { metadata: UploadMetadata; onUploaded: (item: Evidence) => void }>();
const running = new Map<string, RunningUpload>();
const listeners = new Set<() => void>();
const EMPTY: QueuedUpload[] = [];
let counter = 0;

function set(incidentId: string, next: QueuedUpload[]): void {
  queues.set(incidentId, next);
  for (const listener of listeners) listener();
}

function change(incidentId: string, key: string, patch: Partial<QueuedUpload>): void {
  set(incidentId, uploadsOf(incidentId).map((e) => (e.key === key ? { ...e, ...patch } : e)));
}

export function uploadsOf(incidentId: string): QueuedUpload[] {
  return queues.get(incidentId) ?? EMPTY;
}

export function subscribeUploads(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function addFiles(incidentId: string, files: File[]): void {
  const added = files.map((file): QueuedUpload => {
    counter += 1;
    const base = { key: `upload-${counter}`, file, loaded: 0, total: file.size, startedAt: 0, at: 0 };
    const problems = fileProblems(file, null);
    return problems.length > 0
      ? { ...base, state: 'failed', error: new ApiProblem({ title: 'This file cannot be uploaded as it is', status: 400, detail: `${problems.join(' ')} Rename it and add it again.` }) }
      : { ...base, state: 'selected' };
  });
  set(incidentId, [...uploadsOf(incidentId), ...added]);
}

/** Sends every selected file with this metadata, one after another. */
export function startUploads(incidentId: string, metadata: UploadMetadata, onUploaded: (item: Evidence) => void): void {
  const list = uploadsOf(incidentId);
  for (const entry of list) if (entry.state === 'selected') plans.set(entry.key, { metadata, onUploaded });
  set(incidentId, list.map((e) => (e.state === 'selected' ? { ...e, state: 'waiting' } : e)));
  pump(incidentId);
}

function pump(incidentId: string): void {
  const list = uploadsOf(incidentId);
  if (list.some((e) => e.state === 'uploading')) return;
  const next = list.find((e) => e.state === 'waiting');
  const plan = next && plans.get(next.key);
  if (!next || !plan) return;
  const startedAt = Date.now();
  change(incidentId, next.key, { state: 'uploading', startedAt, at: startedAt, loaded: 0 });
  const upload = uploadEvidence(incidentId, plan.metadata, next.file, (loaded, total) => change(incidentId, next.key, { loaded, total, at: Date.now() }));
  running.set(next.key, upload);
  guardLeaving();
  upload.done
    .then((result) => {
      change(incidentId, next.key, { state: 'done', result, loaded: next.file.size });
      plan.onUploaded(result);
    })
    .catch((error: unknown) => change(incidentId, next.key, { state: 'failed', error }))
    .finally(() => {
      running.delete(next.key);
      plans.delete(next.key);
      guardLeaving();
      pump(incidentId);
    });
}

export function cancelUpload(incidentId: string, key: string): void {
  const upload = running.get(key);
  if (upload) {
    upload.cancel();
    return;
  }
  plans.delete(key);
  change(incidentId, key, { state: 'failed', error: new ApiProblem({ title: 'Upload cancelled', status: -2, detail: 'You cancelled it before it started.' }) });
}

export function removeUpload(incidentId: string, key: string): void {
  if (running.has(key)) return;
  plans.delete(key);
  set(incidentId, uploadsOf(incidentId).filter((e) => e.key !== key));
}

function warnBeforeLeaving(event: BeforeUnloadEvent): void {
  event.preventDefault();
}

/** Closing or reloading the page would break the upload off: the browser asks first while one runs. */
function guardLeaving(): void {
  if (typeof window === 'undefined') return;
  window.removeEventListener('beforeunload', warnBeforeLeaving);
  if (running.size > 0) window.addEventListener('beforeunload', warnBeforeLeaving);
}
