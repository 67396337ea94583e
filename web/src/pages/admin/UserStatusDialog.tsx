import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import type { User } from '../../api/types';
import { ConfirmDialog } from './ConfirmDialog';

/** Disable or re-enable a user, after saying what that does. */
export function UserStatusDialog({ user: target, onClose }: { user: User | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  // Keep showing the last user while the dialog fades out.
  const [user, setUser] = useState(target);
  if (target && target !== user) setUser(target);
  const close = () => {
    change.reset();
    onClose();
  };
  const change = useMutation({
    mutationFn: (target: User) => api.patch<User>(`/api/v1/users/${target.id}`, { disabled: !target.disabled }, { ifMatch: target.version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      close();
    },
  });
  const disabling = user ? !user.disabled : true;
  return (
    <ConfirmDialog
      opened={target !== null}
      title={disabling ? 'Disable user' : 'Enable user'}
      confirmLabel={disabling ? 'Disable' : 'Enable'}
      danger={disabling}
      busy={change.isPending}
      error={change.error}
      onConfirm={() => target && change.mutate(target)}
      onClose={close}
    >
      {user &&
        (disabling ? (
          <>
            <strong>{user.name}</strong> ({user.email}) will be signed out everywhere at once and cannot sign in again; their API tokens stop
            working. Their incidents, notes and tasks stay as they are. You can enable them again later.
          </>
        ) : (
          <>
            <strong>{user.name}</strong> ({user.email}) will be able to sign in again with their password, and their unrevoked API tokens
            work again.
          </>
        ))}
    </ConfirmDialog>
  );
}
