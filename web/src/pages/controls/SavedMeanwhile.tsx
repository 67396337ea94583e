import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { formatRelative } from '../../format/time';
import { usePersonName } from './queries';
import type { VersionedEdit } from './useVersionedEdit';

/**
 * Explains a refused save (412) in words: who changed the record while the user was editing, what
 * their values are now, and that the user's own values are still in the form to save over theirs.
 */
export function SavedMeanwhile({ edit, what, updatedBy, updatedAt, theirs, onReapply }: {
  edit: VersionedEdit;
  what: string;
  updatedBy: string;
  updatedAt: string;
  theirs: ReactNode;
  onReapply(): void;
}) {
  const personName = usePersonName();
  return (
    <Alert color="yellow" variant="light" icon={<IconGitMerge size={18} aria-hidden />} title="Someone else saved first" role="alert">
      {!edit.theirsArrived ? (
        <Group gap="xs">
          <Loader size="xs" aria-label="Loading their version" />
          <Text size="sm">Fetching the version that was saved meanwhile…</Text>
        </Group>
      ) : (
        <Stack gap="xs">
          <Text size="sm">
            {personName(updatedBy)} changed this {what} while you were editing ({formatRelative(updatedAt)}). Nothing was overwritten: your values are still
            in the form.
          </Text>
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
              Their version now
            </Text>
            {theirs}
          </div>
          <Group gap="sm">
            <Button size="xs" onClick={onReapply} loading={edit.pending}>
              Save mine over theirs
            </Button>
            <Button size="xs" variant="default" onClick={edit.cancel}>
              Discard mine, keep theirs
            </Button>
          </Group>
        </Stack>
      )}
    </Alert>
  );
}
