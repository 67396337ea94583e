import { Badge, Tooltip } from '@mantine/core';

const TEXT = { live: 'Live', connecting: 'Connecting…', offline: 'Offline' } as const;
const EXPLANATION = {
  live: 'Changes others make appear here without a reload.',
  connecting: 'Connecting to live updates…',
  offline: 'Live updates are off; reload to see others’ changes.',
} as const;

export function LiveStatus({ status }: { status: 'live' | 'connecting' | 'offline' }) {
  return (
    <Tooltip label={EXPLANATION[status]} withArrow>
      <Badge
        variant="dot"
        color={status === 'live' ? 'green' : status === 'connecting' ? 'yellow' : 'red'}
        aria-label={`Live updates: ${status}`}
        tt="none"
        visibleFrom="xs"
      >
        {TEXT[status]}
      </Badge>
    </Tooltip>
  );
}
