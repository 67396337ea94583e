import { Button, Group, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useCurrentUser } from '../../auth/session';
import { downloadTextFile } from '../../format/download';
import { formatInstant } from '../../format/time';
import { SecretReveal } from '../admin/SecretReveal';
import { recoveryCodesFile } from './twoFactorText';

interface Props {
  codes: string[];
  /** What just happened (turned on, new set made). */
  intro: string;
  onDone: () => void;
}

/** Recovery codes, shown once: the way in when the phone is lost. */
export function RecoveryCodes({ codes, intro, onDone }: Props) {
  const user = useCurrentUser();
  const download = () => downloadTextFile('bulwark-recovery-codes.txt', recoveryCodesFile(codes, user.email, formatInstant(new Date().toISOString())));
  return (
    <Stack gap="md">
      <Text size="sm">{intro}</Text>
      <SecretReveal
        label="Recovery codes"
        secret={codes.join('\n')}
        warning="Store these now, apart from your phone: in a password manager, or printed and locked away. Each one signs you in once if your phone is lost or broken. Bulwark will not show them again."
        actions={
          <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={download}>
            Download .txt
          </Button>
        }
      />
      <Group>
        <Button onClick={onDone}>I have stored them</Button>
      </Group>
    </Stack>
  );
}
