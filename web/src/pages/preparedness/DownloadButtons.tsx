import { Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useDownloadPlan } from './queries';

/** Download the offline plan; the hash is shown so the copy can be checked later (sha256sum). */
export function DownloadButtons() {
  const download = useDownloadPlan();
  return (
    <Stack gap={6}>
      <Group gap="xs" role="group" aria-label="Download offline plan">
        {(['html', 'pdf'] as const).map((format) => (
          <Button key={format} size="sm" variant={format === 'html' ? 'filled' : 'default'} leftSection={<IconDownload size={16} aria-hidden />} loading={download.isPending && download.variables === format} onClick={() => download.mutate(format)}>
            Download offline plan ({format.toUpperCase()})
          </Button>
        ))}
      </Group>
      {download.data && (
        <Text size="sm" role="status">
          Saved {download.data.filename}. SHA-256: <Code>{download.data.sha256}</Code>
        </Text>
      )}
      {Boolean(download.error) && <ProblemAlert error={download.error} title="The offline plan was not exported" />}
    </Stack>
  );
}
