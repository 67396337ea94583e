import { Button, Center, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../api/client';
import type { User } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useUsers } from '../../components/UserSelect';
import { useMeta } from '../../meta/useMeta';
import { AddUserDialog } from './AddUserDialog';
import { AdminFrame } from './AdminFrame';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { ResetTwoFactorDialog } from './ResetTwoFactorDialog';
import { UsersTable } from './UsersTable';
import { UserStatusDialog } from './UserStatusDialog';

export function AdminUsersPage() {
  return (
    <AdminFrame>
      <Users />
    </AdminFrame>
  );
}

function Users() {
  const meta = useMeta();
  const queryClient = useQueryClient();
  const users = useUsers({ includeDisabled: true });
  const [adding, setAdding] = useState(false);
  const [statusOf, setStatusOf] = useState<User | null>(null);
  const [resetOf, setResetOf] = useState<User | null>(null);
  const [twoFactorOf, setTwoFactorOf] = useState<User | null>(null);
  const changeRole = useMutation({
    mutationFn: ({ user, role }: { user: User; role: string }) => api.patch<User>(`/api/v1/users/${user.id}`, { role }, { ifMatch: user.version }),
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      notifications.show({ color: 'green', message: `${user.name} is now ${meta.label('roles', user.role)}.` });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
  const count = users.data?.length ?? 0;
  const disabled = users.data?.filter((u) => u.disabled).length ?? 0;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {users.data ? `${count} people${disabled ? `, ${disabled} disabled` : ''}. A role decides what someone may do everywhere in Bulwark.` : ' '}
        </Text>
        <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
          Add user
        </Button>
      </Group>
      {changeRole.isError && <ProblemAlert error={changeRole.error} title="The role was not changed" />}
      {users.isError && <ProblemAlert error={users.error} title="The users could not be loaded" onRetry={() => void users.refetch()} />}
      {users.isPending ? (
        <Center py="xl">
          <Loader size="sm" aria-label="Loading users" />
        </Center>
      ) : (
        users.data && (
          <Paper withBorder radius="sm">
            <UsersTable
              users={users.data}
              changingRole={changeRole.isPending ? (changeRole.variables?.user.id ?? null) : null}
              onRole={(user, role) => changeRole.mutate({ user, role })}
              onStatus={setStatusOf}
              onResetPassword={setResetOf}
              onResetTwoFactor={setTwoFactorOf}
            />
          </Paper>
        )
      )}
      <AddUserDialog opened={adding} onClose={() => setAdding(false)} />
      <UserStatusDialog user={statusOf} onClose={() => setStatusOf(null)} />
      <ResetPasswordDialog user={resetOf} onClose={() => setResetOf(null)} />
      <ResetTwoFactorDialog user={twoFactorOf} onClose={() => setTwoFactorOf(null)} />
    </Stack>
  );
}
