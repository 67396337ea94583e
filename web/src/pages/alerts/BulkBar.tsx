import { Button, Group, Kbd, Paper, Text } from '@mantine/core';
import { IconArrowBackUp, IconArrowMerge, IconEyeOff, IconRocket, IconX } from '@tabler/icons-react';
import type { AlertListItem } from './types';

export type BulkAction = 'promote' | 'merge' | 'dismiss' | 'reopen';

/** What can be done with the chosen alerts; each button names its key. */
export function BulkBar({ chosen, onAction, onClear, busy }: { chosen: AlertListItem[]; onAction(action: BulkAction): void; onClear(): void; busy: boolean }) {
  if (!chosen.length) return null;
  const allNew = chosen.every((a) => a.status === 'new');
  const allDismissed = chosen.every((a) => a.status === 'dismissed');
  return (
    <Paper withBorder radius="sm" px="sm" py={6} role="toolbar" aria-label="Actions on the chosen alerts" className="bulk-bar">
      <Group gap="xs" justify="space-between">
        <Text size="sm" fw={600} aria-live="polite">
          {chosen.length} chosen
        </Text>
        <Group gap="xs">
          {allNew && (
            <>
              <Button size="xs" leftSection={<IconRocket size={14} aria-hidden />} rightSection={<Kbd size="xs">p</Kbd>} onClick={() => onAction('promote')} disabled={busy}>
                Promote
              </Button>
              <Button size="xs" variant="default" leftSection={<IconArrowMerge size={14} aria-hidden />} rightSection={<Kbd size="xs">m</Kbd>} onClick={() => onAction('merge')} disabled={busy}>
                Merge
              </Button>
              <Button size="xs" variant="default" leftSection={<IconEyeOff size={14} aria-hidden />} rightSection={<Kbd size="xs">d</Kbd>} onClick={() => onAction('dismiss')} disabled={busy}>
                Dismiss
              </Button>
            </>
          )}
          {allDismissed && (
            <Button size="xs" variant="default" leftSection={<IconArrowBackUp size={14} aria-hidden />} onClick={() => onAction('reopen')} loading={busy}>
              Reopen
            </Button>
          )}
          {!allNew && !allDismissed && <Text size="xs" c="dimmed">Choose only new alerts to promote, merge or dismiss them.</Text>}
          <Button size="xs" variant="subtle" color="gray" leftSection={<IconX size={14} aria-hidden />} onClick={onClear}>
            Clear
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
