import { Badge } from '@mantine/core';
import { IconArrowMerge, IconCircleDot, IconEyeOff, IconRocket } from '@tabler/icons-react';
import { STATUS_LABELS, type AlertStatus } from './types';

const LOOK: Record<AlertStatus, { colour: string; icon: typeof IconCircleDot }> = {
  new: { colour: 'blue', icon: IconCircleDot },
  promoted: { colour: 'teal', icon: IconRocket },
  merged: { colour: 'teal', icon: IconArrowMerge },
  dismissed: { colour: 'gray', icon: IconEyeOff },
};

/** The alert's triage status in words, with an icon; colour only helps. */
export function StatusBadge({ status }: { status: AlertStatus }) {
  const { colour, icon: Icon } = LOOK[status];
  return (
    <Badge color={colour} variant="light" radius="sm" tt="none" size="sm" leftSection={<Icon size={12} aria-hidden />}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}
