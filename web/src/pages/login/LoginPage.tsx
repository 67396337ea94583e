import { Anchor, Box, Center, Group, Paper, Text, ThemeIcon, Title } from '@mantine/core';
import { IconShieldHalfFilled } from '@tabler/icons-react';
import { useState } from 'react';
import { CodeStep } from './CodeStep';
import { PasswordStep, type Credentials } from './PasswordStep';
import { SingleSignOn } from './SingleSignOn';

/** Sign-in: the session cookie is set by the server; App sends the user on to ?next= once it exists. */
export function LoginPage() {
  // Set once the password was accepted and the account asks for its second factor.
  const [awaitingCode, setAwaitingCode] = useState<Credentials | null>(null);
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
        <Paper withBorder shadow="sm" p="lg" radius="md">
          {awaitingCode ? (
            <CodeStep credentials={awaitingCode} onBack={() => setAwaitingCode(null)} />
          ) : (
            <PasswordStep onSecondFactor={setAwaitingCode}>
              <SingleSignOn />
            </PasswordStep>
          )}
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
