import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import type { User } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SecretReveal } from './SecretReveal';

export function ResetPasswordDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  // Keep showing the last user while the dialog fades out.
  const [shown, setShown] = useState(user);
  if (user && user !== shown) setShown(user);
  return (
    <Modal opened={user !== null} onClose={onClose} title="Reset password" size="md">
      {shown && <ResetPassword user={shown} onClose={onClose} />}
    </Modal>
  );
}

function ResetPassword({ user, onClose }: { user: User; onClose: () => void }) {
  const queryClient = useQueryClient();
  const reset = useMutation({
    mutationFn: () => api.post<{ user: User; one_time_password: string | null }>(`/api/v1/users/${user.id}/reset-password`, {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  });

  if (reset.data?.one_time_password) {
    return (
      <Stack gap="md">
        <Text size="sm">
          {user.name}’s password was reset and they were signed out everywhere.
        </Text>
        <SecretReveal
          label="One-time password"
          secret={reset.data.one_time_password}
          warning="Shown only now. Pass it on through a channel you trust; they should change it after signing in."
        />
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Text size="sm">
        Bulwark will generate a new one-time password for <strong>{user.name}</strong> ({user.email}). Their current password stops
        working and every session they have ends at once; their API tokens keep working.
      </Text>
      {reset.isError && <ProblemAlert error={reset.error} />}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button color="red" loading={reset.isPending} onClick={() => reset.mutate()}>
          Reset password
        </Button>
      </Group>
    </Stack>
  );
}
