import { BarChart } from '@mantine/charts';
import { Paper, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Obligation } from './types';

/** Open deadlines against now: one bar per obligation, hours from now (left of zero: late). Refreshed every minute. */
export function DeadlineChart({ items }: { items: Obligation[] }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  const open = items.filter((o) => o.deadline_utc && (o.status === 'pending' || o.status === 'drafted' || o.status === 'late'));
  if (open.length === 0) return null;
  const data = open.map((o) => {
    const hours = Math.round(((Date.parse(o.deadline_utc!) - now) / 3_600_000) * 10) / 10;
    return { obligation: `${o.regime_name.split(' ')[0]} ${o.stage.replaceAll('_', ' ')}${o.state ? ` ${o.state}` : ''}`, 'Hours left': hours };
  });
  return (
    <Paper withBorder radius="sm" p="sm" component="figure" aria-label="Deadlines against now" m={0}>
      <BarChart
        h={Math.max(120, 36 * data.length + 40)}
        data={data}
        dataKey="obligation"
        orientation="vertical"
        yAxisProps={{ width: 160 }}
        valueFormatter={(value) => `${value} h`}
        series={[{ name: 'Hours left', color: 'blue.6' }]}
        referenceLines={[{ x: 0, color: 'red.6', label: 'now' }]}
        getBarColor={(value) => (value < 0 ? 'red.6' : value < 24 ? 'orange.6' : 'blue.6')}
      />
      <Text component="figcaption" size="xs" c="dimmed">Hours from now to each open deadline; bars left of “now” are late.</Text>
    </Paper>
  );
}
