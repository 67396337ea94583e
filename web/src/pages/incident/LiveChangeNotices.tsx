import { Group, Text, Transition } from '@mantine/core';
import { IconBroadcast } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { usePersonName } from './queries';
import { describeChange, useOthersChanges } from './useOthersChanges';

const SHOWN_FOR_MS = 12_000;

/**
 * A quiet line saying who just changed the incident (the change itself is already on screen), so
 * people notice work by others without a pop-up in their face. Screen readers hear it politely.
 */
export function LiveChangeNotices({ incidentId }: { incidentId: string }) {
  const personName = usePersonName();
  const changes = useOthersChanges(incidentId);
  const latest = changes.at(-1);
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    if (!latest) return;
    setVisible(true);
    const timer = setTimeout(() => setVisible(false), SHOWN_FOR_MS);
    return () => clearTimeout(timer);
  }, [latest]);

  return (
    <div role="status" aria-live="polite" className="live-change-line">
      <Transition mounted={visible && latest !== undefined} transition="fade" duration={200}>
        {(style) => (
          <Group gap={6} style={style} wrap="nowrap">
            <IconBroadcast size={14} aria-hidden color="var(--mantine-color-blue-text)" />
            <Text size="sm" c="dimmed">
              {latest && `${personName(latest.actor_id)} ${describeChange(latest)} just now.`}
            </Text>
          </Group>
        )}
      </Transition>
    </div>
  );
}
