import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { IncidentDetail, Member, Page, Task, TimelineEntry } from '../../api/types';
import { useUsers } from '../../components/UserSelect';

/** Query keys follow useLiveEvents' convention so a live event refreshes exactly these. */
export const incidentKeys = {
  incident: (id: string) => ['incident', id] as const,
  timeline: (id: string) => ['incident', id, 'timeline'] as const,
  tasks: (id: string) => ['incident', id, 'tasks'] as const,
  memberHistory: (id: string) => ['incident', id, 'members', 'history'] as const,
};

export const incidentPath = (id: string) => `/api/v1/incidents/${encodeURIComponent(id)}`;

export function useIncident(idOrNumber: string) {
  return useQuery({
    queryKey: incidentKeys.incident(idOrNumber),
    queryFn: () => api.get<IncidentDetail>(incidentPath(idOrNumber)),
  });
}

/** A timeline is read whole (page after page); incidents with more entries than this show a note. */
export const TIMELINE_CAP = 2000;

export function useTimeline(incidentId: string) {
  return useQuery({
    queryKey: incidentKeys.timeline(incidentId),
    queryFn: async () => {
      const entries: TimelineEntry[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<TimelineEntry> = await api.get<Page<TimelineEntry>>(`${incidentPath(incidentId)}/timeline`, { limit: 200, cursor });
        entries.push(...page.items);
        cursor = page.next_cursor;
      } while (cursor && entries.length < TIMELINE_CAP);
      return { entries, truncated: cursor !== null };
    },
  });
}

export function useTasks(incidentId: string) {
  return useQuery({
    queryKey: incidentKeys.tasks(incidentId),
    queryFn: async () => (await api.get<{ items: Task[] }>(`${incidentPath(incidentId)}/tasks`)).items,
  });
}

export function useMemberHistory(incidentId: string) {
  return useQuery({
    queryKey: incidentKeys.memberHistory(incidentId),
    queryFn: async () => (await api.get<{ items: Member[] }>(`${incidentPath(incidentId)}/members`, { history: true })).items,
  });
}

/** A person's name by user id, for events and histories that only carry ids. */
export function usePersonName(): (userId: string | null | undefined) => string {
  const people = useUsers({ includeDisabled: true });
  return (userId) => {
    if (!userId) return 'Someone';
    if (userId === 'system') return 'System';
    return people.data?.find((p) => p.id === userId)?.name ?? 'Someone';
  };
}
