import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import type { User } from '../../api/types';
import { ConfirmDialog } from './ConfirmDialog';

/** Turns off someone's second factor when they lost their phone and their recovery codes. */
export function ResetTwoFactorDialog({ user: target, onClose }: { user: User | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  // Keep showing the last user while the dialog fades out.
  const [user, setUser] = useState(target);
  if (target && target !== user) setUser(target);
  const close = () => {
    reset.reset();
    onClose();
  };
  const reset = useMutation({
    mutationFn: (target: User) => api.post<User>(`/api/v1/users/${target.id}/reset-two-factor`, {}),
    onSuccess: (changed) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      notifications.show({ color: 'green', message: `${changed.name} now signs in with their password alone.` });
      close();
    },
  });
  return (
    <ConfirmDialog
      opened={target !== null}
      title="Reset two-factor"
      confirmLabel="Reset two-factor"
      danger
      busy={reset.isPending}
      error={reset.error}
      onConfirm={() => target && reset.mutate(target)}
      onClose={close}
    >
      {user && (
        <>
          <strong>{user.name}</strong> ({user.email}) will sign in with their password alone: the Bulwark entry in their authenticator app and
          their recovery codes stop working. Ask them to turn two-factor on again in their Profile straight after. Do this only once you are
          sure it is really them asking, for example by a call to a number you already know.
        </>
      )}
    </ConfirmDialog>
  );
}
