import { Alert, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TwoFactorSetup, TwoFactorStatus } from '../../api/types';
import { formatInstant } from '../../format/time';
import { PasswordAction } from './PasswordAction';
import { FEW_RECOVERY_CODES } from './twoFactor';

const codesLeft = (n: number) => (n === 0 ? 'No recovery codes left' : n === 1 ? '1 recovery code left' : `${n} recovery codes left`);

/** Two-factor is on: since when, how many recovery codes remain, new codes or off. */
export function TwoFactorOn({ status, onChanged, onNewCodes }: { status: TwoFactorStatus; onChanged: () => void; onNewCodes: (codes: string[]) => void }) {
  const few = status.recovery_codes_left <= FEW_RECOVERY_CODES;
  return (
    <Stack gap="sm">
      <Text size="sm">
        On{status.enabled_at ? ` since ${formatInstant(status.enabled_at)}` : ''}. Signing in asks for a code from your authenticator app after your password.
      </Text>
      {few ? (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} p="xs" title={codesLeft(status.recovery_codes_left)}>
          <Text size="sm">Make new ones now, while you still have your phone: without it and without a recovery code, only an administrator can let you in.</Text>
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          {codesLeft(status.recovery_codes_left)}, each good for one sign-in without your phone.
        </Text>
      )}
      <Group gap="sm">
        <PasswordAction<{ recovery_codes: string[] }>
          label="New recovery codes"
          title="New recovery codes"
          confirmLabel="Make new codes"
          primary={few}
          path="/api/v1/me/two-factor/recovery-codes"
          onDone={(answer) => {
            onChanged();
            onNewCodes(answer.recovery_codes);
          }}
        >
          Bulwark makes 10 new recovery codes and shows them once. The codes you have now stop working at once.
        </PasswordAction>
        <PasswordAction<void>
          label="Turn off"
          title="Turn off two-factor authentication"
          confirmLabel="Turn off"
          danger
          path="/api/v1/me/two-factor/disable"
          onDone={() => {
            onChanged();
            notifications.show({ color: 'green', message: 'Two-factor authentication is off. Signing in asks only for your password.' });
          }}
        >
          Signing in will ask only for your password. The Bulwark entry in your authenticator app and your recovery codes stop working; to turn
          two-factor on again you scan a new QR code.
        </PasswordAction>
      </Group>
    </Stack>
  );
}

/** Two-factor is off (or its set-up was never finished): what it is for, and the way to turn it on. */
export function TwoFactorOff({ status, onChanged, onStarted }: { status: TwoFactorStatus; onChanged: () => void; onStarted: (setup: TwoFactorSetup) => void }) {
  return (
    <Stack gap="sm">
      <Text size="sm">
        Off. With it on, signing in asks for your password and a 6-digit code from an authenticator app on your phone, so a stolen or guessed
        password alone does not get anyone in.
      </Text>
      {status.pending && (
        <Text size="sm" c="dimmed">
          A set-up was started but never finished with a code; turning it on starts again with a new key.
        </Text>
      )}
      <Group>
        <PasswordAction<TwoFactorSetup>
          label="Turn on"
          title="Turn on two-factor authentication"
          confirmLabel="Continue"
          primary
          path="/api/v1/me/two-factor/setup"
          onDone={(setup) => {
            onChanged();
            onStarted(setup);
          }}
        >
          Next you scan a QR code with an authenticator app and type the code it shows. Have your phone at hand.
        </PasswordAction>
      </Group>
    </Stack>
  );
}
