import { Alert, Anchor, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconAlertCircle, IconShieldHalfFilled } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiProblem } from '../../api/problem';
import { useSession } from '../../auth/session';

function describe(error: unknown): { title: string; detail: string } {
  if (error instanceof ApiProblem) {
    if (error.status === 429) return { title: 'Too many attempts', detail: error.detail || 'Wait a minute before trying again.' };
    if (error.status === 0) return { title: 'Bulwark is unreachable', detail: error.detail };
    if (error.status >= 500) return { title: 'Sign-in failed on the server', detail: error.detail || 'Try again in a moment.' };
    return { title: 'Could not sign in', detail: error.detail || error.title };
  }
  return { title: 'Could not sign in', detail: error instanceof Error ? error.message : String(error) };
}

/** Sign-in: the session cookie is set by the server; App sends the user on to ?next= once it exists. */
export function LoginPage() {
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
      setError(caught);
      setPassword('');
      setBusy(false);
    }
  };

  const problem = error ? describe(error) : null;
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-body)">
      <Box w="100%" maw={380}>
        <Group gap="sm" justify="center" mb="lg">
          <ThemeIcon size={36} radius="sm" color="blue" aria-hidden>
            <IconShieldHalfFilled size={22} />
          </ThemeIcon>
          <Title order={1} size="h2">
            Bulwark
          </Title>
        </Group>
        <Paper withBorder shadow="sm" p="lg" radius="md" component="form" onSubmit={(e: React.FormEvent) => void submit(e)} aria-label="Sign in">
          <Stack gap="md">
            <div>
              <Text fw={600}>Sign in</Text>
              <Text size="sm" c="dimmed">
                Incident response, incident management and risk in one place.
              </Text>
            </div>
            {problem && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} title={problem.title} role="alert">
                {problem.detail}
              </Alert>
            )}
            <TextInput label="E-mail" type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
            <PasswordInput label="Password" visibilityToggleButtonProps={{ 'aria-label': 'Show characters' }} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
            <Button type="submit" loading={busy} fullWidth>
              Sign in
            </Button>
          </Stack>
        </Paper>
        <Text size="xs" c="dimmed" ta="center" mt="md">
          Forgot your password? Ask an administrator to reset it. API docs at{' '}
          <Anchor href="/api/docs" size="xs">
            /api/docs
          </Anchor>
          .
        </Text>
      </Box>
    </Center>
  );
}
