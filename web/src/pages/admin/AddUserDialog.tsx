import { Button, Group, Modal, NativeSelect, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import type { User } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMeta } from '../../meta/useMeta';
import { SecretReveal } from './SecretReveal';

interface Created {
  user: User;
  one_time_password: string | null;
}

export function AddUserDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add user" size="md">
      <AddUserForm onClose={onClose} />
    </Modal>
  );
}

/** Mounted per opening, so a new user starts from an empty form and a shown password is never shown again. */
function AddUserForm({ onClose }: { onClose: () => void }) {
  const meta = useMeta();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState('responder');
  const [password, setPassword] = useState('');
  const create = useMutation({
    mutationFn: () =>
      api.post<Created>('/api/v1/users', { email: email.trim(), role, ...(name.trim() ? { name: name.trim() } : {}), ...(password ? { password } : {}) }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
  const fieldError = (field: string) => (create.error instanceof ApiProblem ? create.error.fieldError(field) : undefined);

  if (create.data) {
    const { user, one_time_password: secret } = create.data;
    return (
      <Stack gap="md">
        <Text size="sm">
          <strong>{user.name}</strong> ({user.email}) can now sign in as {meta.label('roles', user.role)}.
        </Text>
        {secret && (
          <SecretReveal
            label="One-time password"
            secret={secret}
            warning="Shown only now. Pass it on through a channel you trust; they should change it after signing in (Profile → Change password)."
          />
        )}
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
      <TextInput label="E-mail" type="email" required data-autofocus value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fieldError('email')} />
      <TextInput label="Name" description="Defaults to the part of the e-mail before the @" value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} />
      <NativeSelect
        label="Role"
        data={meta.roles.map((r) => ({ value: String(r.id), label: r.label }))}
        value={role}
        onChange={(e) => setRole(e.currentTarget.value)}
        error={fieldError('role')}
      />
      <PasswordInput
        label="Initial password"
        description="Optional, at least 12 characters. Leave empty to generate a one-time password."
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={fieldError('password')}
        visibilityToggleButtonProps={{ 'aria-label': 'Show characters' }}
      />
      {create.isError && <ProblemAlert error={create.error} title="The user was not added" />}
      <Group justify="flex-end" gap="sm" mt="xs">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" loading={create.isPending}>
          Add user
        </Button>
      </Group>
    </Stack>
  );
}
