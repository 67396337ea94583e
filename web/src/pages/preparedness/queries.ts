import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import type { PlanContent, PlanOverview, PlanVersion } from './types';

export const planKeys = {
  overview: ['plan'] as const,
  versions: ['plan', 'versions'] as const,
};

export function usePlan() {
  return useQuery({ queryKey: planKeys.overview, queryFn: () => api.get<PlanOverview>('/api/v1/plan') });
}

export function usePlanVersions() {
  return useQuery({ queryKey: planKeys.versions, queryFn: async () => (await api.get<{ items: PlanVersion[] }>('/api/v1/plan/versions')).items });
}

export interface DraftInput {
  content: PlanContent;
  change_note: string;
  review_due_at: string | null;
}

export function useSaveDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ input, version }: { input: DraftInput; version: number | null }) => api.put<PlanVersion>('/api/v1/plan/draft', input, version === null ? {} : { ifMatch: version }),
    onSuccess: () => client.invalidateQueries({ queryKey: planKeys.overview }),
  });
}

export function useApprovePlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, review_due_at }: { version: number; review_due_at: string | null }) =>
      api.post<PlanVersion>('/api/v1/plan/draft/approve', review_due_at ? { review_due_at } : {}, { ifMatch: version }),
    onSuccess: () => client.invalidateQueries({ queryKey: planKeys.overview }),
  });
}

export interface DownloadedPlan {
  filename: string;
  sha256: string;
  format: 'html' | 'pdf';
}

/** Fetches the export (so the hash header can be read), then hands the file to the browser as a download. */
export function useDownloadPlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (format: 'html' | 'pdf'): Promise<DownloadedPlan> => {
      const response = await fetch(`/api/v1/plan/export?format=${format}`, { credentials: 'same-origin' });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { title?: string; detail?: string } | null;
        throw new ApiProblem({ title: body?.title ?? response.statusText, status: response.status, detail: body?.detail ?? response.statusText });
      }
      const filename = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `response-plan.${format}`;
      const sha256 = response.headers.get('x-content-sha256') ?? '';
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return { filename, sha256, format };
    },
    onSuccess: () => client.invalidateQueries({ queryKey: planKeys.overview }),
  });
}
