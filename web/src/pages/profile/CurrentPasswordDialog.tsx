import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { ApiProblem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';

interface Props {
  opened: boolean;
  title: string;
  /** What will happen, in plain words. */
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  error?: unknown;
  onConfirm: (currentPassword: string) => void;
  onClose: () => void;
}

/** Asks for the current password before a change to how someone signs in, so an unattended session cannot make it. */
export function CurrentPasswordDialog({ opened, title, onClose, ...form }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="md">
      <PasswordForm {...form} onClose={onClose} />
    </Modal>
  );
}

// Inside the modal, so the typed password goes when the dialog closes.
function PasswordForm({ children, confirmLabel, danger, busy, error, onConfirm, onClose }: Omit<Props, 'opened' | 'title'>) {
  const [password, setPassword] = useState('');
  const wrongPassword = error instanceof ApiProblem ? error.fieldError('current_password') : undefined;
  return (
    <Stack
      gap="md"
      component="form"
      onSubmit={(e: React.FormEvent) => {
        e.preventDefault();
        if (password) onConfirm(password);
      }}
    >
      <Text size="sm" component="div">
        {children}
      </Text>
      <PasswordInput
        label="Current password"
        autoComplete="current-password"
        required
        data-autofocus
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={wrongPassword}
        visibilityToggleButtonProps={{ 'aria-label': 'Show characters' }}
      />
      {Boolean(error) && !wrongPassword && <ProblemAlert error={error} />}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" color={danger ? 'red' : undefined} loading={busy}>
          {confirmLabel}
        </Button>
      </Group>
    </Stack>
  );
}
