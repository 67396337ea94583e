import { Badge, Center, Group, Loader, Paper, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconShieldCheck, IconShieldOff } from '@tabler/icons-react';
import { useState } from 'react';
import type { TwoFactorSetup } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RecoveryCodes } from './RecoveryCodes';
import { twoFactorKey, useTwoFactorStatus } from './twoFactor';
import { TwoFactorEnrolment } from './TwoFactorEnrolment';
import { TwoFactorOff, TwoFactorOn } from './TwoFactorStatusView';

/** Codes the server answered once, with the words for why they are on screen. */
interface Revealed {
  codes: string[];
  intro: string;
}

/** The profile's section for an authenticator app as a second factor at sign-in. */
export function TwoFactor() {
  const queryClient = useQueryClient();
  const status = useTwoFactorStatus();
  const [setup, setSetup] = useState<TwoFactorSetup | null>(null);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: twoFactorKey });

  const body = () => {
    if (revealed) return <RecoveryCodes codes={revealed.codes} intro={revealed.intro} onDone={() => setRevealed(null)} />;
    if (setup) {
      return (
        <TwoFactorEnrolment
          setup={setup}
          onEnabled={(codes) => {
            refresh();
            setSetup(null);
            setRevealed({ codes, intro: 'Two-factor authentication is on. From now on signing in asks for a code from your app.' });
          }}
          onCancel={() => setSetup(null)}
        />
      );
    }
    if (status.isPending) {
      return (
        <Center py="md">
          <Loader size="sm" aria-label="Loading two-factor status" />
        </Center>
      );
    }
    if (status.isError) return <ProblemAlert error={status.error} title="The two-factor status could not be loaded" onRetry={() => void status.refetch()} />;
    return status.data.enabled ? (
      <TwoFactorOn status={status.data} onChanged={refresh} onNewCodes={(codes) => setRevealed({ codes, intro: 'New recovery codes; the old ones no longer work.' })} />
    ) : (
      <TwoFactorOff status={status.data} onChanged={refresh} onStarted={setSetup} />
    );
  };

  return (
    <Paper withBorder radius="sm" p="md" component="section" aria-label="Two-factor authentication">
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={2} size="h5">
            Two-factor authentication
          </Title>
          {status.data &&
            (status.data.enabled ? (
              <Badge color="green" variant="light" radius="sm" tt="none" leftSection={<IconShieldCheck size={12} aria-hidden />}>
                On
              </Badge>
            ) : (
              <Badge color="gray" variant="light" radius="sm" tt="none" leftSection={<IconShieldOff size={12} aria-hidden />}>
                Off
              </Badge>
            ))}
        </Group>
        {body()}
      </Stack>
    </Paper>
  );
}
