import { currentCsrfToken } from '../../api/client';
import { ApiProblem, type ProblemBody } from '../../api/problem';
import type { ImportOutcome } from './types';

/** POST /risks/import with the file as it is (CSV as text/csv, JSON as application/json). */
export async function importRegister(text: string, format: 'csv' | 'json', dryRun: boolean): Promise<ImportOutcome> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': format === 'csv' ? 'text/csv' : 'application/json' };
  const csrf = currentCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(`/api/v1/risks/import${dryRun ? '?dry_run=true' : ''}`, { method: 'POST', headers, body: text, credentials: 'same-origin' });
  } catch {
    throw new ApiProblem({ title: 'Server unreachable', status: 0, detail: 'Bulwark did not answer. Check your connection and try again.' });
  }
  const body = await response.text();
  const parsed: unknown = body ? JSON.parse(body) : {};
  if (!response.ok) throw new ApiProblem({ ...((parsed as ProblemBody) ?? {}), status: response.status });
  return parsed as ImportOutcome;
}
