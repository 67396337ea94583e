import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatCountdown } from './zones';

/** The time left to a deadline, ticking every second; red once late. */
export function Countdown({ deadline, size = 'sm' }: { deadline: string; size?: 'xs' | 'sm' }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const left = Date.parse(deadline) - now;
  return (
    <Text span size={size} ff="monospace" c={left < 0 ? 'red' : left < 4 * 3_600_000 ? 'orange' : undefined} aria-label={`Time left: ${formatCountdown(left)}`} style={{ whiteSpace: 'nowrap' }}>
      {formatCountdown(left)}
    </Text>
  );
}
