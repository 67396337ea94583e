import { LineChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { curveRows, formatMoney } from './fair';
import type { LecPoint, TolerancePoint } from './types';

/** The loss exceedance curve on a log-scale loss axis, drawn against the appetite's tolerance curve. */
export function LossCurve({ lec, tolerance, currency, label = 'Loss exceedance curve', h = 300 }: { lec: LecPoint[]; tolerance: TolerancePoint[]; currency: string; label?: string; h?: number }) {
  const rows = curveRows(lec, tolerance);
  if (rows.length === 0) return <Text size="sm" c="dimmed">No loss to draw: the simulation found no loss at all.</Text>;
  const series = [{ name: 'exceedance', label: 'Chance of losing at least this much in a year', color: 'blue.6' }];
  if (tolerance.length) series.push({ name: 'tolerance', label: 'Tolerance', color: 'red.6' });
  return (
    <figure aria-label={label} style={{ margin: 0 }} data-testid="loss-curve">
      <LineChart
        h={h}
        data={rows}
        dataKey="loss"
        series={series}
        curveType="stepAfter"
        withDots={false}
        connectNulls
        withLegend
        unit="%"
        xAxisProps={{ type: 'number', scale: 'log', domain: ['auto', 'auto'], allowDataOverflow: true, tickFormatter: (v: number) => formatMoney(v, currency) }}
        yAxisProps={{ domain: [0, 100] }}
        xAxisLabel={`Annual loss (${currency}, log scale)`}
        valueFormatter={(v) => `${v} %`}
        lineProps={(s) => (s.name === 'tolerance' ? { strokeDasharray: '6 4', type: 'linear' } : {})}
        tooltipProps={{ labelFormatter: (v: unknown) => formatMoney(Number(v), currency) }}
      />
      <figcaption>
        <Text size="xs" c="dimmed">
          {label}: the chance (y) that the year&apos;s loss reaches at least the amount (x).
          {tolerance.length ? ' The dashed red line is the organisation’s loss tolerance; a curve above it is over appetite.' : ''}
        </Text>
      </figcaption>
    </figure>
  );
}
