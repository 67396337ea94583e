import { Button, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import type { IncidentDetail } from '../../api/types';
import { formatInstant } from '../../format/time';
import { useMeta } from '../../meta/useMeta';
import { usePersonName } from './queries';

/** Every phase change with who made it, when and why; opens on hover or click. */
export function PhaseHistory({ incident }: { incident: IncidentDetail }) {
  const meta = useMeta();
  const personName = usePersonName();
  const [opened, setOpened] = useState(false);
  const changes = [...incident.phase_changes].reverse();
  return (
    <div onMouseEnter={() => setOpened(true)} onMouseLeave={() => setOpened(false)}>
    <Popover opened={opened} onChange={setOpened} width={380} position="bottom-start" withArrow shadow="md" withinPortal={false}>
      <Popover.Target>
        <Button size="compact-sm" variant="subtle" color="gray" aria-expanded={opened} onClick={() => setOpened(true)} leftSection={<IconHistory size={14} aria-hidden />}>
          Phase history ({incident.phase_changes.length})
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        {changes.length === 0 ? (
          <Text size="sm" c="dimmed">
            Still in {meta.label('phases', incident.phase)} since it was opened {formatInstant(incident.created_at)}.
          </Text>
        ) : (
          <ScrollArea.Autosize mah={320}>
            <Stack gap="sm" component="ol" className="plain-list" aria-label="Phase changes, newest first">
              {changes.map((change) => (
                <li key={change.id}>
                  <Text size="sm" fw={600}>
                    {meta.label('phases', change.from_phase)} → {meta.label('phases', change.to_phase)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatInstant(change.at)} · {personName(change.actor_id)}
                  </Text>
                  {change.reason && <Text size="sm">“{change.reason}”</Text>}
                </li>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
    </div>
  );
}
