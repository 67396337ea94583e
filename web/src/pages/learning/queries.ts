import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import type { Page } from '../../api/types';
import type { Proposal } from './types';

/** Query keys: ['proposals', …] for the inbox and its badge. */
const INBOX_KEY = ['proposals', 'pending'] as const;

/** Pending proposals across the reviews the viewer may see (`GET /api/v1/proposals?status=pending`), page after page. */
async function pendingProposals(): Promise<Proposal[]> {
  const items: Proposal[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<Proposal> = await api.get<Page<Proposal>>('/api/v1/proposals', { status: 'pending', limit: 200, cursor });
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor && items.length < 1000);
  return items.filter((p) => p.status === 'pending');
}

export function usePendingProposals(enabled = true) {
  return useQuery({ queryKey: INBOX_KEY, queryFn: pendingProposals, enabled, staleTime: 30_000 });
}

export interface Decision {
  id: string;
  after?: Record<string, unknown>;
  note?: string;
}

/** Accepts or rejects; afterwards the inbox, the risks and controls it touched are read again. */
export function useDecideProposal(verdict: 'accept' | 'reject') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, after, note }: Decision) => {
      const body: Record<string, unknown> = {};
      if (after) body.after = after;
      if (note?.trim()) body.note = note.trim();
      return api.post<Proposal>(`/api/v1/proposals/${encodeURIComponent(id)}/${verdict}`, body);
    },
    onSettled: (_data, error) => {
      // A stale answer keeps its card on screen (with the fresh proposal in it) until that is decided.
      if (!(error instanceof ApiProblem && error.status === 412)) void client.invalidateQueries({ queryKey: ['proposals'] });
      void client.invalidateQueries({ queryKey: ['risk'] });
      void client.invalidateQueries({ queryKey: ['risks'] });
      void client.invalidateQueries({ queryKey: ['controls'] });
    },
  });
}
