import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Incident } from '../../api/types';
import { formatRelative } from '../../format/time';
import { usePersonName } from './queries';
import type { GuardedEdit } from './useGuardedEdit';

/**
 * Explains a refused save (412) in words: who changed the incident while the user was editing, what
 * their value is now, and that the user's own text is still there to re-apply.
 */
export function ConflictNotice({ edit, current, theirs, onReapply, onTakeTheirs }: {
  edit: GuardedEdit;
  current: Incident;
  /** The other person's current value(s) of what the user is editing. */
  theirs: ReactNode;
  onReapply(): void;
  onTakeTheirs(): void;
}) {
  const personName = usePersonName();
  const arrived = edit.theirsArrived;
  return (
    <Alert color="yellow" variant="light" icon={<IconGitMerge size={18} aria-hidden />} title="Someone else saved first" role="alert">
      {!arrived ? (
        <Group gap="xs">
          <Loader size="xs" aria-label="Loading their version" />
          <Text size="sm">Fetching the version that was saved meanwhile…</Text>
        </Group>
      ) : (
        <Stack gap="xs">
          <Text size="sm">
            {personName(current.updated_by)} changed this incident while you were editing ({formatRelative(current.updated_at)}). Nothing was
            overwritten: your version is still in the editor.
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
            <Button size="xs" variant="default" onClick={onTakeTheirs}>
              Discard mine, keep theirs
            </Button>
          </Group>
        </Stack>
      )}
    </Alert>
  );
}
