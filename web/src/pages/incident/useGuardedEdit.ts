import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import type { Incident, IncidentDetail } from '../../api/types';
import { incidentKeys, incidentPath } from './queries';

export type IncidentChanges = Partial<Omit<Incident, 'id' | 'number' | 'metrics' | 'version' | 'phase'>>;

/** Writes an incident edit against the version the user saw and puts the answer in the cache. */
export function useSaveIncident(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ changes, version }: { changes: IncidentChanges; version: number }) => api.patch<Incident>(incidentPath(incidentId), changes, { ifMatch: version }),
    onSuccess: (updated) => {
      queryClient.setQueryData<IncidentDetail>(incidentKeys.incident(incidentId), (old) => (old ? { ...old, ...updated } : old));
      void queryClient.invalidateQueries({ queryKey: incidentKeys.incident(incidentId) });
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.status === 412) void queryClient.invalidateQueries({ queryKey: incidentKeys.incident(incidentId), exact: true });
    },
  });
}

/**
 * One edit of part of an incident, guarded against lost updates: it remembers the incident as it was
 * when editing began (`base`) and saves with that version. When someone else saved meanwhile the
 * server answers 412; the edit then stays open with `conflict` set, the user's draft untouched, so the
 * page can show both versions and let the user re-apply theirs on top of the current one.
 */
export function useGuardedEdit(incident: Incident) {
  const save = useSaveIncident(incident.id);
  const [base, setBase] = useState<Incident | null>(null);
  /** After a 412: the version the server said is current, which the page must show before re-applying. */
  const [conflictVersion, setConflictVersion] = useState<number | null>(null);
  const conflict = conflictVersion !== null;
  const [pendingChanges, setPendingChanges] = useState<IncidentChanges | null>(null);

  const start = () => {
    setBase(incident);
    setConflictVersion(null);
    save.reset();
  };
  const finish = () => {
    setBase(null);
    setConflictVersion(null);
    save.reset();
  };

  /** Saves the changes; true when saved, false when refused (a conflict or another problem is shown). */
  const submit = async (changes: IncidentChanges): Promise<boolean> => {
    const version = conflict ? incident.version : (base ?? incident).version;
    setPendingChanges(changes);
    try {
      await save.mutateAsync({ changes, version });
      finish();
      return true;
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 412) setConflictVersion(typeof error.body.current_version === 'number' ? error.body.current_version : incident.version + 1);
      return false;
    }
  };

  // Someone else saved, but none of the fields this edit changes: nothing to reconcile, so save on top.
  const theirsArrived = conflictVersion !== null && incident.version >= conflictVersion;
  const overlaps = pendingChanges !== null && base !== null && Object.keys(pendingChanges).some((key) => JSON.stringify(base[key as keyof Incident]) !== JSON.stringify(incident[key as keyof Incident]));
  useEffect(() => {
    if (theirsArrived && !overlaps && pendingChanges && !save.isPending) void submit(pendingChanges);
  }, [theirsArrived, overlaps, incident.version]);

  return {
    editing: base !== null,
    base: base ?? incident,
    start,
    cancel: finish,
    submit,
    conflict: conflict && (!theirsArrived || overlaps),
    /** True once the version that won is on screen, so it can be shown and re-applying is safe. */
    theirsArrived,
    /** Other problems (validation, permissions); a conflict is explained by ConflictNotice instead. */
    error: conflict ? null : save.error,
    pending: save.isPending,
  };
}

export type GuardedEdit = ReturnType<typeof useGuardedEdit>;
