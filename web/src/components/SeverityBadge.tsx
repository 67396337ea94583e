import { Badge, type BadgeProps } from '@mantine/core';
import { FALLBACK_LABELS } from '../meta/fallback';
import { SEVERITY_COLOURS } from '../theme';

export function severityLabel(severity: number): string {
  const label = FALLBACK_LABELS.severities.find((s) => s.id === severity)?.label ?? 'Unknown';
  return `${severity} · ${label}`;
}

/** "1 · Critical" in the severity's colour: the number and word carry the meaning, the colour helps. */
export function SeverityBadge({ severity, ...props }: { severity: number } & Omit<BadgeProps, 'children'>) {
  return (
    <Badge color={SEVERITY_COLOURS[severity] ?? 'gray'} variant={severity <= 2 ? 'filled' : 'light'} radius="sm" tt="none" {...props}>
      {severityLabel(severity)}
    </Badge>
  );
}
