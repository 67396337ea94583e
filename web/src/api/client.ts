import { ApiProblem, type ProblemBody } from './problem';

/**
 * The web app's only way to the server: the public REST API, with the session cookie and the
 * session's CSRF token on every write. Errors arrive as ApiProblem.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The session's CSRF token, for writes that cannot go through `api` (uploads with progress). */
export const currentCsrfToken = (): string | null => csrfToken;

export type Query = Record<string, string | number | boolean | undefined | null | Array<string | number>>;

export interface WriteOptions {
  /** The version the user saw; sent as If-Match so a stale edit answers 412 instead of overwriting. */
  ifMatch?: number;
  idempotencyKey?: string;
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function request<T>(method: string, path: string, body?: unknown, options: WriteOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiProblem({ title: 'Server unreachable', status: 0, detail: 'Bulwark did not answer. Check your connection; your input is still here, try again.' });
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const problem = (parsed as ProblemBody | undefined) ?? { title: response.statusText, status: response.status, detail: response.statusText };
    throw new ApiProblem({ ...problem, status: response.status });
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown, options?: WriteOptions) => request<T>('POST', path, body ?? {}, options),
  patch: <T>(path: string, body: unknown, options?: WriteOptions) => request<T>('PATCH', path, body, options),
  put: <T>(path: string, body: unknown, options?: WriteOptions) => request<T>('PUT', path, body, options),
  delete: <T>(path: string, options?: WriteOptions) => request<T>('DELETE', path, undefined, options),
};
