import { Button } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { api } from '../../api/client';
import { CurrentPasswordDialog } from './CurrentPasswordDialog';

interface Props<T> {
  /** The button's words. */
  label: string;
  title: string;
  confirmLabel: string;
  primary?: boolean;
  danger?: boolean;
  /** POSTed with `{ current_password }`. */
  path: string;
  onDone: (answer: T) => void;
  /** What will happen, in plain words. */
  children: ReactNode;
}

/** A button for a change that asks for the current password first, then posts it. */
export function PasswordAction<T>({ label, title, confirmLabel, primary, danger, path, onDone, children }: Props<T>) {
  const [open, setOpen] = useState(false);
  const action = useMutation({
    mutationFn: (currentPassword: string) => api.post<T>(path, { current_password: currentPassword }),
    onSuccess: (answer) => {
      setOpen(false);
      onDone(answer);
    },
  });
  const close = () => {
    setOpen(false);
    action.reset();
  };
  return (
    <>
      <Button variant={primary ? 'filled' : 'default'} c={danger ? 'red' : undefined} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <CurrentPasswordDialog opened={open} title={title} confirmLabel={confirmLabel} danger={danger} busy={action.isPending} error={action.error} onConfirm={(password) => action.mutate(password)} onClose={close}>
        {children}
      </CurrentPasswordDialog>
    </>
  );
}
