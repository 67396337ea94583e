import { notifications } from '@mantine/notifications';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import type { NewObservable, Observable, ObservableHistory, ObservableType, Sighting, SightingChanges } from './types';

/** ['incident', id, 'observables'] refreshes with the incident's live events; ['observable', …] with observable.updated. */
export const observableKeys = {
  onIncident: (incidentId: string) => ['incident', incidentId, 'observables'] as const,
  byId: (id: string) => ['observable', 'id', id] as const,
  lookup: (type: string | null, value: string) => ['observable', 'lookup', type ?? '', value] as const,
};

const onIncidentPath = (incidentId: string) => `/api/v1/incidents/${encodeURIComponent(incidentId)}/observables`;

export function useIncidentObservables(incidentId: string) {
  return useQuery({ queryKey: observableKeys.onIncident(incidentId), queryFn: async () => (await api.get<{ items: Sighting[] }>(onIncidentPath(incidentId))).items });
}

/** An observable's history, by id or by (type, value) lookup, a page of sightings at a time. */
export function useObservableHistory(target: { id: string } | { type: ObservableType | null; value: string }) {
  const byId = 'id' in target;
  return useInfiniteQuery({
    queryKey: byId ? observableKeys.byId(target.id) : observableKeys.lookup(target.type, target.value),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      byId
        ? api.get<ObservableHistory>(`/api/v1/observables/${encodeURIComponent(target.id)}`, { limit: 100, cursor: pageParam })
        : api.get<ObservableHistory>('/api/v1/observables/lookup', { type: target.type, value: target.value, limit: 100, cursor: pageParam }),
    getNextPageParam: (last) => last.sightings.next_cursor,
  });
}

/** Asks the server what a pasted value is: its type and normalised form, or null for free text. */
export async function recogniseObservable(text: string): Promise<{ type: ObservableType; value: string } | null> {
  try {
    const answer = await api.get<ObservableHistory>('/api/v1/observables/lookup', { value: text, limit: 1 });
    return { type: answer.type, value: answer.value };
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 400) return null;
    throw error;
  }
}

export function useAddObservables(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (observables: NewObservable[]) => api.post<{ items: Sighting[] }>(onIncidentPath(incidentId), { observables }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['incident', incidentId] }),
  });
}

/** Flag changes against the version on screen; a 412 refreshes the list and says so. */
export function useChangeSighting(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sighting, changes }: { sighting: Sighting; changes: SightingChanges }) =>
      api.patch<Sighting>(`${onIncidentPath(incidentId)}/${encodeURIComponent(sighting.id)}`, changes, { ifMatch: sighting.version }),
    onError: (error, { sighting }) => {
      const stale = error instanceof ApiProblem && error.status === 412;
      notifications.show({
        color: stale ? 'yellow' : 'red',
        title: stale ? `${sighting.observable.value} was changed by someone else` : `Could not change ${sighting.observable.value}`,
        message: stale ? 'Your change was not applied; the list now shows their version.' : error instanceof ApiProblem ? error.detail : String(error),
      });
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['incident', incidentId] }),
  });
}

export function useRemoveSighting(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sighting: Sighting) => api.delete<void>(`${onIncidentPath(incidentId)}/${encodeURIComponent(sighting.id)}`),
    onError: (error) => notifications.show({ color: 'red', title: 'Could not remove the observable', message: error instanceof ApiProblem ? error.detail : String(error) }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['incident', incidentId] }),
  });
}

export function useIgnoreSimilarity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ observable, ignore }: { observable: Observable; ignore: boolean }) =>
      api.patch<Observable>(`/api/v1/observables/${encodeURIComponent(observable.id)}`, { ignore_similarity: ignore }, { ifMatch: observable.version }),
    onError: (error) => notifications.show({ color: 'red', title: 'Could not change the observable', message: error instanceof ApiProblem ? error.detail : String(error) }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['observable'] }),
  });
}
