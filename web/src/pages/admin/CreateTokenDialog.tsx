import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import type { ApiToken } from '../../api/types';
import { useCurrentUser } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { UserSelect } from '../../components/UserSelect';
import { fromLocalInput, viewerTimeZone } from '../../format/time';
import { useMeta } from '../../meta/useMeta';
import { SecretReveal } from './SecretReveal';

export function CreateTokenDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Create API token" size="md">
      <CreateTokenForm onClose={onClose} />
    </Modal>
  );
}

function CreateTokenForm({ onClose }: { onClose: () => void }) {
  const meta = useMeta();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [owner, setOwner] = useState<string | null>(me.id);
  const [role, setRole] = useState('');
  const [expires, setExpires] = useState('');
  const create = useMutation({
    mutationFn: () => {
      const expiresAt = fromLocalInput(expires);
      return api.post<{ token: ApiToken; secret: string }>('/api/v1/tokens', {
        name: name.trim(),
        ...(owner && owner !== me.id ? { user_id: owner } : {}),
        ...(role ? { role } : {}),
        ...(expiresAt ? { expires_at: expiresAt } : {}),
      });
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });
  const fieldError = (field: string) => (create.error instanceof ApiProblem ? create.error.fieldError(field) : undefined);

  if (create.data) {
    return (
      <Stack gap="md">
        <Text size="sm">
          Token <strong>{create.data.token.name}</strong> acts as {meta.label('roles', create.data.token.role)}. Send it as{' '}
          <code>Authorization: Bearer &lt;secret&gt;</code>.
        </Text>
        <SecretReveal label="Token secret" secret={create.data.secret} warning="Shown only now; Bulwark keeps only a hash. Store it in your secret manager before closing." />
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack
      gap="sm"
      component="form"
      onSubmit={(e: React.FormEvent) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <TextInput label="Name" description="What it is for, e.g. “SIEM forwarder”" required data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} />
      <UserSelect label="Owner" description="The token acts on this person’s behalf" value={owner} onChange={setOwner} error={fieldError('user_id')} />
      <NativeSelect
        label="Role"
        description="At most the owner’s role; narrower is safer"
        data={[{ value: '', label: 'Same as the owner' }, ...meta.roles.map((r) => ({ value: String(r.id), label: r.label }))]}
        value={role}
        onChange={(e) => setRole(e.currentTarget.value)}
        error={fieldError('role')}
      />
      <TextInput
        type="datetime-local"
        label="Expires at"
        description={`Optional; never expires when empty (${viewerTimeZone()})`}
        value={expires}
        onChange={(e) => setExpires(e.currentTarget.value)}
        error={fieldError('expires_at')}
      />
      {create.isError && <ProblemAlert error={create.error} title="The token was not created" />}
      <Group justify="flex-end" gap="sm" mt="xs">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" loading={create.isPending}>
          Create token
        </Button>
      </Group>
    </Stack>
  );
}
