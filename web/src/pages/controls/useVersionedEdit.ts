import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiProblem } from '../../api/problem';

/**
 * One edit of a versioned record (a control, an asset), guarded against lost updates like the
 * incident summary: it remembers the record as it was when editing began (`base`) and saves with that
 * version as If-Match. When someone else saved meanwhile the server answers 412; the edit stays open
 * with `conflict` set and the user's draft untouched, the record is fetched again so the page can show
 * their version, and the user chooses: save theirs over it (with the new version) or discard.
 */
export function useVersionedEdit<T extends { version: number }, C extends object>(
  current: T,
  options: { queryKey: QueryKey; save: (changes: C, version: number) => Promise<T>; onSaved?: (saved: T) => void },
) {
  const client = useQueryClient();
  const [base, setBase] = useState<T | null>(null);
  const [conflict, setConflict] = useState(false);
  const mutation = useMutation({
    mutationFn: ({ changes, version }: { changes: C; version: number }) => options.save(changes, version),
    onSuccess: (saved) => {
      client.setQueryData(options.queryKey, (old: T | undefined) => (old ? { ...old, ...saved } : saved));
      void client.invalidateQueries({ queryKey: options.queryKey });
      options.onSaved?.(saved);
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.status === 412) void client.invalidateQueries({ queryKey: options.queryKey, exact: true });
    },
  });

  const start = () => {
    setBase(current);
    setConflict(false);
    mutation.reset();
  };
  const cancel = () => {
    setBase(null);
    setConflict(false);
    mutation.reset();
  };
  /** Saves; true when saved. After a conflict it saves over the version now on screen. */
  const submit = async (changes: C): Promise<boolean> => {
    const version = conflict ? current.version : (base ?? current).version;
    try {
      await mutation.mutateAsync({ changes, version });
      cancel();
      return true;
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 412) setConflict(true);
      return false;
    }
  };

  return {
    editing: base !== null,
    base: base ?? current,
    start,
    cancel,
    submit,
    conflict,
    /** Their version is on screen once the record's version moved past the one editing began with. */
    theirsArrived: conflict && current.version > (base ?? current).version,
    error: conflict ? null : mutation.error,
    pending: mutation.isPending,
  };
}

export type VersionedEdit = ReturnType<typeof useVersionedEdit>;
