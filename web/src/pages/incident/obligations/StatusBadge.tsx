import { Badge } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleDashed, IconCircleMinus, IconPencil } from '@tabler/icons-react';
import { STATUS_LABELS, type ObligationStatus } from './types';

const LOOK: Record<ObligationStatus, { color: string; icon: typeof IconCircleCheck }> = {
  pending: { color: 'blue', icon: IconCircleDashed },
  drafted: { color: 'violet', icon: IconPencil },
  submitted: { color: 'green', icon: IconCircleCheck },
  not_required: { color: 'gray', icon: IconCircleMinus },
  late: { color: 'red', icon: IconAlertTriangle },
};

/** Colour with a second cue: an icon and the word. */
export function StatusBadge({ status }: { status: ObligationStatus }) {
  const { color, icon: Icon } = LOOK[status];
  return (
    <Badge color={color} variant="light" radius="sm" tt="none" leftSection={<Icon size={12} aria-hidden />}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}
