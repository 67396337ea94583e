import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { needsSecondFactor, useSession } from '../../auth/session';
import { SignInProblem } from './SignInProblem';

export interface Credentials {
  email: string;
  password: string;
}

/**
 * E-mail and password; an account with two-factor on goes on to the code step with them. `children`
 * are the other ways in, offered above the password fields.
 */
export function PasswordStep({ onSecondFactor, children }: { onSecondFactor: (credentials: Credentials) => void; children?: ReactNode }) {
  const { login } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email.trim(), password);
    } catch (caught) {
      setBusy(false);
      if (needsSecondFactor(caught)) {
        onSecondFactor({ email: email.trim(), password });
        return;
      }
      setError(caught);
      setPassword('');
    }
  };

  return (
    <Stack gap="md" component="form" onSubmit={(e: React.FormEvent) => void submit(e)} aria-label="Sign in">
      <div>
        <Text fw={600}>Sign in</Text>
        <Text size="sm" c="dimmed">
          Incident response, incident management and risk in one place.
        </Text>
      </div>
      {children}
      <SignInProblem error={error} />
      <TextInput label="E-mail" type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
      <PasswordInput label="Password" visibilityToggleButtonProps={{ 'aria-label': 'Show characters' }} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
      <Button type="submit" loading={busy} fullWidth>
        Sign in
      </Button>
    </Stack>
  );
}
