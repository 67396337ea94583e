/** A problem+json body as the server sends it (the app wraps it in ApiProblem). */
export interface ProblemLike {
  title: string;
  status: number;
  detail: string;
  errors?: Array<{ path: string; message: string }>;
  [extension: string]: unknown;
}

/** The server's limit for POST /api/v1/attack/import (src/api/routes/attack/schema.ts). */
export const ATTACK_BUNDLE_MAX_BYTES = 100 * 1024 * 1024;

/**
 * What an upload answered, as the app shows it: the JSON on success, the problem+json (or words for
 * a network failure) on error. Pure, so the reading of each outcome is tested on its own.
 */
export function readUploadAnswer<T>(status: number, text: string): { ok: true; body: T } | { ok: false; problem: ProblemLike } {
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (status === 0) return { ok: false, problem: { title: 'Server unreachable', status: 0, detail: 'The upload did not reach Bulwark. Check your connection and try again.' } };
  if (status >= 200 && status < 300) return { ok: true, body: parsed as T };
  const problem = parsed && typeof parsed === 'object' && 'detail' in parsed ? (parsed as ProblemLike) : { title: 'Upload refused', status, detail: `Bulwark answered ${status}.` };
  return { ok: false, problem: { ...problem, status } };
}

/** Refuses, before sending, a file that cannot be an ATT&CK bundle: not .json, empty or too large. */
export function bundleFileProblem(file: { name: string; size: number }): string | null {
  if (!/\.json$/i.test(file.name)) return `${file.name} is not a .json file. Choose the ATT&CK Enterprise bundle, enterprise-attack.json.`;
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > ATTACK_BUNDLE_MAX_BYTES) return `${file.name} is ${Math.round(file.size / 1024 / 1024)} MB; Bulwark accepts up to ${ATTACK_BUNDLE_MAX_BYTES / 1024 / 1024} MB, and the ATT&CK Enterprise bundle is about 45 MB.`;
  return null;
}
