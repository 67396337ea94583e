import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { useSession } from '../../auth/session';
import type { Credentials } from './PasswordStep';
import { SignInProblem } from './SignInProblem';

/**
 * The second step for an account with two-factor on: the password was right, now the code. The
 * e-mail and password stay in memory only and go with the code, since the server keeps no half-session.
 */
export function CodeStep({ credentials, onBack }: { credentials: Credentials; onBack: () => void }) {
  const { login } = useSession();
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  // Recovery codes have letters, which a phone's numeric keypad cannot type.
  const [recovery, setRecovery] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(credentials.email, credentials.password, code.replace(/\s+/g, ''));
    } catch (caught) {
      setError(caught);
      setCode('');
      setBusy(false);
      input.current?.focus();
    }
  };

  const switchToRecoveryCode = () => {
    setRecovery(true);
    input.current?.focus();
  };

  return (
    <Stack gap="md" component="form" onSubmit={(e: React.FormEvent) => void submit(e)} aria-label="Two-factor authentication">
      <div>
        <Text fw={600}>Two-factor authentication</Text>
        <Text size="sm" c="dimmed">
          Signing in as {credentials.email}.
        </Text>
      </div>
      <SignInProblem error={error} />
      <TextInput
        ref={input}
        label="Authentication code"
        description={recovery ? 'One of the recovery codes you stored when you turned two-factor on; each works once. Lost them too? An administrator can reset your two-factor.' : 'The 6-digit code your authenticator app shows for Bulwark.'}
        autoComplete="one-time-code"
        inputMode={recovery ? 'text' : 'numeric'}
        spellCheck={false}
        autoCapitalize="off"
        required
        autoFocus
        value={code}
        onChange={(e) => setCode(e.currentTarget.value)}
      />
      {!recovery && (
        <Text size="xs" c="dimmed">
          No phone at hand? A recovery code works here too.{' '}
          <Anchor component="button" type="button" size="xs" onClick={switchToRecoveryCode}>
            Type a recovery code
          </Anchor>
        </Text>
      )}
      <Button type="submit" loading={busy} fullWidth>
        Verify
      </Button>
      <Anchor component="button" type="button" size="sm" ta="center" onClick={onBack}>
        Use a different account
      </Anchor>
    </Stack>
  );
}
