import { Button, Center, Code, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../api/client';
import type { ApiToken } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useUsers } from '../../components/UserSelect';
import { AdminFrame } from './AdminFrame';
import { ConfirmDialog } from './ConfirmDialog';
import { CreateTokenDialog } from './CreateTokenDialog';
import { TokensTable } from './TokensTable';

export function AdminTokensPage() {
  return (
    <AdminFrame>
      <Tokens />
    </AdminFrame>
  );
}

function Tokens() {
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => api.get<{ items: ApiToken[] }>('/api/v1/tokens') });
  const users = useUsers({ includeDisabled: true });
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [shown, setShown] = useState<ApiToken | null>(null);
  if (revoking && revoking !== shown) setShown(revoking);
  const revoke = useMutation({
    mutationFn: (token: ApiToken) => api.delete<ApiToken>(`/api/v1/tokens/${token.id}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['tokens'] });
      setRevoking(null);
    },
  });

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Tokens let scripts and integrations call the API as <Code>Authorization: Bearer …</Code>.
        </Text>
        <Button leftSection={<IconKey size={16} aria-hidden />} onClick={() => setCreating(true)}>
          Create token
        </Button>
      </Group>
      {tokens.isError && <ProblemAlert error={tokens.error} title="The tokens could not be loaded" onRetry={() => void tokens.refetch()} />}
      {tokens.isPending && (
        <Center py="xl">
          <Loader size="sm" aria-label="Loading tokens" />
        </Center>
      )}
      {tokens.data && tokens.data.items.length === 0 && (
        <Paper withBorder p="lg" radius="sm">
          <Text size="sm" c="dimmed" ta="center">
            No API tokens yet. Create one for each integration (a SIEM, a ticketing bridge, a script) so each can be revoked on its own.
          </Text>
        </Paper>
      )}
      {tokens.data && tokens.data.items.length > 0 && (
        <Paper withBorder radius="sm">
          <TokensTable tokens={tokens.data.items} users={users.data ?? []} onRevoke={setRevoking} />
        </Paper>
      )}
      <CreateTokenDialog opened={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        opened={revoking !== null}
        title="Revoke token"
        confirmLabel="Revoke"
        danger
        busy={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => {
          revoke.reset();
          setRevoking(null);
        }}
      >
        Token <strong>{shown?.name}</strong> (<Code>{shown?.token_prefix}…</Code>) stops working at once: every script or integration using it
        gets “401 Unauthorized” from now on. This cannot be undone; create a new token if it is needed again.
      </ConfirmDialog>
    </Stack>
  );
}
