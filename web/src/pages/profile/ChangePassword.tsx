import { Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';

const MIN_LENGTH = 12;
const hideToggle = { 'aria-label': 'Show characters' };

export function ChangePassword() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [checked, setChecked] = useState(false);
  const change = useMutation({
    mutationFn: () => api.post<void>('/api/v1/me/password', { current_password: current, new_password: next }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setRepeat('');
      setChecked(false);
      notifications.show({ color: 'green', message: 'Password changed. Your other sessions were signed out.' });
    },
  });
  const serverError = (field: string) => (change.error instanceof ApiProblem ? change.error.fieldError(field) : undefined);
  const tooShort = next.length < MIN_LENGTH ? `At least ${MIN_LENGTH} characters; a few unrelated words make a strong one` : undefined;
  const mismatch = repeat !== next ? 'Does not match the new password' : undefined;

  return (
    <Paper withBorder radius="sm" p="md" component="section" aria-label="Change password">
      <Stack
        gap="sm"
        component="form"
        maw={420}
        onSubmit={(e: React.FormEvent) => {
          e.preventDefault();
          setChecked(true);
          if (!tooShort && !mismatch && current) change.mutate();
        }}
      >
        <Title order={2} size="h5">
          Change password
        </Title>
        <Text size="sm" c="dimmed">
          Your other sessions end when you change it; this one stays signed in.
        </Text>
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          error={(checked && !current ? 'Enter your current password' : undefined) ?? serverError('current_password')}
          visibilityToggleButtonProps={hideToggle}
        />
        <PasswordInput
          label="New password"
          autoComplete="new-password"
          required
          description={`At least ${MIN_LENGTH} characters`}
          value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
          error={(checked ? tooShort : undefined) ?? serverError('new_password')}
          visibilityToggleButtonProps={hideToggle}
        />
        <PasswordInput
          label="Repeat new password"
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
          error={checked ? mismatch : undefined}
          visibilityToggleButtonProps={hideToggle}
        />
        {change.isError && <ProblemAlert error={change.error} title="The password was not changed" />}
        <Group>
          <Button type="submit" loading={change.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
