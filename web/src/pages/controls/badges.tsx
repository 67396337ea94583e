import { Badge, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconClock } from '@tabler/icons-react';
import { formatInstant, formatRelative } from '../../format/time';
import { testDue } from './controlTree';
import { useRiskLevels } from './queries';
import { IMPLEMENTATION_COLORS, statusLabel, type ImplementationStatus } from './types';

/** Implementation status: colour and words. */
export function ImplementationBadge({ status }: { status: string }) {
  return (
    <Badge variant="light" color={IMPLEMENTATION_COLORS[status as ImplementationStatus] ?? 'gray'} radius="sm">
      {statusLabel(status)}
    </Badge>
  );
}

/** A risk level (criticality, residual level): the matrix's colour as a dot beside the level's name. */
export function LevelBadge({ level }: { level: string | null | undefined }) {
  const levels = useRiskLevels();
  if (!level) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Badge variant="outline" color="gray" radius="sm" leftSection={<span aria-hidden style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: levels.color(level) }} />}>
      {levels.name(level)}
    </Badge>
  );
}

/** The next test date; an overdue one in red with an icon and the word "overdue". */
export function NextTest({ at }: { at: string | null }) {
  const due = testDue(at);
  if (due === 'none') return <Text size="sm" c="dimmed">not scheduled</Text>;
  if (due === 'overdue') {
    return (
      <Group gap={4} wrap="nowrap" title={formatInstant(at)}>
        <IconAlertTriangle size={14} aria-hidden color="var(--mantine-color-red-text)" />
        <Text size="sm" c="red" fw={600}>
          overdue, {formatRelative(at)}
        </Text>
      </Group>
    );
  }
  return (
    <Group gap={4} wrap="nowrap" title={formatInstant(at)}>
      {due === 'soon' && <IconClock size={14} aria-hidden color="var(--mantine-color-yellow-text)" />}
      <Text size="sm">{formatRelative(at)}</Text>
    </Group>
  );
}
