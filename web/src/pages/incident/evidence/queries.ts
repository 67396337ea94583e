import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, currentCsrfToken } from '../../../api/client';
import { ApiProblem, type ProblemBody } from '../../../api/problem';
import type { Page } from '../../../api/types';
import { incidentPath } from '../queries';
import type { CustodyEvent, CustodyLog, Evidence, StewardshipStep, VerificationResult } from './types';

/** The list sits under ['incident', id, …] and items under ['evidence', id, …] so live events refresh both. */
export const evidenceKeys = {
  list: (incidentId: string) => ['incident', incidentId, 'evidence'] as const,
  item: (id: string) => ['evidence', id] as const,
  custody: (id: string) => ['evidence', id, 'custody'] as const,
};

export const evidencePath = (id: string) => `/api/v1/evidence/${encodeURIComponent(id)}`;

/** A list is read whole, page after page; an incident rarely holds more than a few hundred items. */
export function useEvidenceList(incidentId: string) {
  return useQuery({
    queryKey: evidenceKeys.list(incidentId),
    queryFn: async () => {
      const items: Evidence[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<Evidence> = await api.get<Page<Evidence>>(`${incidentPath(incidentId)}/evidence`, { limit: 200, cursor });
        items.push(...page.items);
        cursor = page.next_cursor;
      } while (cursor && items.length < 5000);
      return items;
    },
  });
}

export function useEvidence(id: string) {
  return useQuery({ queryKey: evidenceKeys.item(id), queryFn: () => api.get<Evidence>(evidencePath(id)) });
}

export function useCustody(id: string) {
  return useQuery({ queryKey: evidenceKeys.custody(id), queryFn: () => api.get<CustodyLog>(`${evidencePath(id)}/custody`) });
}

/** DELETE with a JSON body (the reason), which the shared client does not send. */
async function deleteWithReason<T>(path: string, body: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
  const csrf = currentCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(path, { method: 'DELETE', headers, credentials: 'same-origin', body: JSON.stringify(body) });
  } catch {
    throw new ApiProblem({ title: 'Server unreachable', status: 0, detail: 'Bulwark did not answer. Check your connection and try again.' });
  }
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new ApiProblem({ ...((parsed as ProblemBody | undefined) ?? { title: response.statusText, detail: response.statusText }), status: response.status });
  return parsed as T;
}

function useRefresh() {
  const client = useQueryClient();
  return (item: Pick<Evidence, 'id' | 'incident_id'>) => {
    void client.invalidateQueries({ queryKey: evidenceKeys.item(item.id) });
    void client.invalidateQueries({ queryKey: evidenceKeys.list(item.incident_id) });
  };
}

export function useAddPhysicalItem(incidentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Evidence>(`${incidentPath(incidentId)}/evidence`, body),
    onSettled: () => void client.invalidateQueries({ queryKey: evidenceKeys.list(incidentId) }),
  });
}

export function useEditEvidence() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ item, changes }: { item: Evidence; changes: Record<string, unknown> }) => api.patch<Evidence>(evidencePath(item.id), changes, { ifMatch: item.version }),
    onSettled: (_answer, _error, { item }) => refresh(item),
  });
}

export interface CustodyDraft {
  action: string;
  to_user_id?: string;
  location?: string;
  purpose?: string;
  notes?: string;
  signature?: { name: string; statement_accepted: boolean };
}

export function useRecordCustody() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ item, draft }: { item: Evidence; draft: CustodyDraft }) => api.post<CustodyEvent>(`${evidencePath(item.id)}/custody`, draft),
    onSettled: (_answer, _error, { item }) => refresh(item),
  });
}

export function useVerify() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (item: Evidence) => api.post<VerificationResult>(`${evidencePath(item.id)}/verify`),
    onSettled: (_answer, _error, item) => refresh(item),
  });
}

export function useVerifyAll(incidentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ items: VerificationResult[]; mismatches: number }>(`${incidentPath(incidentId)}/evidence/verify`),
    onSettled: () => void client.invalidateQueries({ queryKey: evidenceKeys.list(incidentId) }),
  });
}

export function useStewardship() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ item, step, text }: { item: Evidence; step: StewardshipStep; text: string }): Promise<unknown> => {
      const path = evidencePath(item.id);
      switch (step) {
        case 'place_hold':
          return api.post(`${path}/hold`, { reason: text });
        case 'lift_hold':
          return deleteWithReason(`${path}/hold`, { reason: text });
        case 'destroy':
          return deleteWithReason(path, { reason: text });
        case 'release':
          return api.post(`${path}/release`, { reason: text });
        case 'approve':
          return api.post(`${path}/disposal/approve`, { note: text });
        case 'reject':
          return api.post(`${path}/disposal/reject`, { note: text });
      }
    },
    onSettled: (_answer, _error, { item }) => refresh(item),
  });
}
