import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Sighting } from './types';

/** "Seen before" inline: how many other alerts and incidents carry it, linking to where. */
export function SeenElsewhere({ sighting }: { sighting: Sighting }) {
  if (sighting.observable.ignore_similarity) {
    return (
      <Text size="xs" c="dimmed" title="Marked to ignore for similarity (e.g. a shared resolver)">
        ignored
      </Text>
    );
  }
  const count = sighting.seen_elsewhere ?? 0;
  if (count === 0) {
    return (
      <Text size="xs" c="dimmed">
        first time
      </Text>
    );
  }
  return (
    <Anchor component={Link} to={`/observables/${sighting.observable.id}`} size="sm" fw={600} aria-label={`Seen on ${count} other ${count === 1 ? 'alert or incident' : 'alerts and incidents'}`}>
      {count} other{count === 1 ? '' : 's'}
    </Anchor>
  );
}
