import { Tooltip } from '@mantine/core';
import { formatInstant, formatRelative } from './time';

/** "5 minutes ago", with the exact instant (viewer's zone, zone named) on hover and for screen readers. */
export function RelativeTime({ iso, fallback = '—' }: { iso: string | null | undefined; fallback?: string }) {
  if (!iso) return <>{fallback}</>;
  const exact = formatInstant(iso);
  return (
    <Tooltip label={exact} withArrow openDelay={300}>
      <time dateTime={iso} title={exact} style={{ whiteSpace: 'nowrap' }}>
        {formatRelative(iso)}
      </time>
    </Tooltip>
  );
}
