import { Button, Code, CopyButton, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import type { TwoFactorSetup } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TotpQrCode } from './TotpQrCode';
import { groupInFours } from './twoFactorText';

interface Props {
  setup: TwoFactorSetup;
  onEnabled: (recoveryCodes: string[]) => void;
  onCancel: () => void;
}

/** Scan (or type) the key into an authenticator app, then prove it works with one code: only then is two-factor on. */
export function TwoFactorEnrolment({ setup, onEnabled, onCancel }: Props) {
  const [code, setCode] = useState('');
  const confirm = useMutation({
    mutationFn: (typed: string) => api.post<{ recovery_codes: string[] }>('/api/v1/me/two-factor/confirm', { code: typed }),
    onSuccess: (answer) => onEnabled(answer.recovery_codes),
    onError: () => setCode(''),
  });
  const wrongCode = confirm.error instanceof ApiProblem ? confirm.error.fieldError('code') : undefined;

  return (
    <Stack gap="md">
      <List type="ordered" size="sm" spacing={4}>
        <List.Item>Open an authenticator app on your phone (Google or Microsoft Authenticator, 1Password, Aegis, FreeOTP…) and add an account.</List.Item>
        <List.Item>Scan this QR code, or type the key below it.</List.Item>
        <List.Item>Type the 6-digit code the app shows for Bulwark.</List.Item>
      </List>
      <Group align="flex-start" gap="lg">
        <TotpQrCode uri={setup.otpauth_uri} />
        <Stack gap={6} maw={380}>
          <Text size="sm" fw={600}>
            Cannot scan? Type this key
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Code fz="sm" aria-label="Secret key" data-testid="totp-secret" style={{ flex: 1, wordBreak: 'break-word' }}>
              {groupInFours(setup.secret)}
            </Code>
            <CopyButton value={setup.secret}>
              {({ copied, copy }) => (
                <Button size="compact-sm" variant={copied ? 'light' : 'default'} color={copied ? 'green' : undefined} leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />} onClick={copy} style={{ flexShrink: 0 }}>
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="xs" c="dimmed">
            Time-based, 6 digits, every 30 seconds. Anyone with this key can make your codes: do not share it.
          </Text>
        </Stack>
      </Group>
      <Stack
        gap="sm"
        maw={320}
        component="form"
        onSubmit={(e: React.FormEvent) => {
          e.preventDefault();
          const typed = code.replace(/\s+/g, '');
          if (typed) confirm.mutate(typed);
        }}
      >
        <TextInput
          label="Code from the app"
          autoComplete="one-time-code"
          inputMode="numeric"
          required
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={wrongCode}
        />
        {confirm.isError && !wrongCode && <ProblemAlert error={confirm.error} title="Two-factor was not turned on" />}
        <Group gap="sm">
          <Button type="submit" loading={confirm.isPending}>
            Turn on
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}
