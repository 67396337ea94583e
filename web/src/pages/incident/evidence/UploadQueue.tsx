import { Anchor, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatBytes, formatRate, uploadProgress } from './evidenceFormat';
import { CopyHash } from './CopyHash';
import type { Evidence } from './types';

export type UploadState = 'selected' | 'waiting' | 'uploading' | 'done' | 'failed';

export interface QueuedUpload {
  key: string;
  file: File;
  state: UploadState;
  loaded: number;
  total: number;
  startedAt: number;
  at: number;
  result?: Evidence;
  error?: unknown;
}

const STATE_WORDS: Record<UploadState, string> = {
  selected: 'Ready to upload',
  waiting: 'Waiting',
  uploading: 'Uploading',
  done: 'Uploaded',
  failed: 'Not uploaded',
};

/** One line per file: progress with percent and rate while it goes, the number and SHA-256 when kept. */
export function UploadQueue({ entries, onCancel, onRemove }: { entries: QueuedUpload[]; onCancel: (key: string) => void; onRemove: (key: string) => void }) {
  if (entries.length === 0) return null;
  return (
    <Stack gap="xs" role="list" aria-label="Uploads">
      {entries.map((entry) => {
        const progress = uploadProgress(entry.loaded, entry.total, entry.startedAt, entry.at);
        const percent = entry.state === 'done' ? 100 : entry.state === 'uploading' ? progress.percent : 0;
        return (
          <Paper key={entry.key} withBorder p="xs" radius="sm" role="listitem" aria-label={`Upload of ${entry.file.name}`}>
            <Stack gap={4}>
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm" fw={600} style={{ wordBreak: 'break-all' }}>
                  {entry.file.name} <Text span size="xs" c="dimmed">({formatBytes(entry.file.size)})</Text>
                </Text>
                <Group gap="xs" wrap="nowrap">
                  <Text size="xs" c={entry.state === 'failed' ? 'red' : 'dimmed'}>{STATE_WORDS[entry.state]}</Text>
                  {(entry.state === 'uploading' || entry.state === 'waiting') && (
                    <Button size="compact-xs" variant="default" color="red" onClick={() => onCancel(entry.key)}>Cancel</Button>
                  )}
                  {(entry.state === 'selected' || entry.state === 'failed' || entry.state === 'done') && (
                    <Button size="compact-xs" variant="subtle" onClick={() => onRemove(entry.key)} aria-label={`Remove ${entry.file.name} from the list`}>Remove</Button>
                  )}
                </Group>
              </Group>
              {(entry.state === 'uploading' || entry.state === 'done') && (
                <>
                  <Progress value={percent} aria-label={`Upload progress of ${entry.file.name}`} animated={entry.state === 'uploading'} color={entry.state === 'done' ? 'teal' : 'blue'} />
                  <Text size="xs" c="dimmed" aria-live="polite">
                    {percent} % · {formatBytes(entry.state === 'done' ? entry.file.size : entry.loaded)} of {formatBytes(entry.file.size)}
                    {entry.state === 'uploading' && ` · ${formatRate(progress.rate)}`}
                    {entry.state === 'uploading' && percent === 100 && ' · the server is finishing the hashes'}
                  </Text>
                </>
              )}
              {entry.result && (
                <Group gap="xs">
                  <Anchor component={Link} to={`/evidence/${entry.result.id}`} size="sm">{entry.result.number}</Anchor>
                  <Text size="xs">SHA-256</Text>
                  <CopyHash value={entry.result.sha256} full label={`SHA-256 of ${entry.file.name}`} />
                </Group>
              )}
              {entry.state === 'failed' && entry.error !== undefined && <ProblemAlert error={entry.error} title={`${entry.file.name} was not uploaded`} />}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
