import { Badge } from '@mantine/core';
import { IconCircleCheck, IconClockHour4, IconPlayerPause, IconX } from '@tabler/icons-react';
import type { DeliveryState } from './types';

const DELIVERY = {
  delivered: { label: 'Delivered', color: 'green', icon: IconCircleCheck },
  pending: { label: 'Pending', color: 'yellow', icon: IconClockHour4 },
  failed: { label: 'Failed', color: 'red', icon: IconX },
} as const;

/** Colour with an icon and a word, never colour alone. */
export function DeliveryBadge({ state }: { state: DeliveryState }) {
  const { label, color, icon: Icon } = DELIVERY[state];
  return (
    <Badge color={color} variant="light" radius="sm" tt="none" leftSection={<Icon size={12} aria-hidden />}>
      {label}
    </Badge>
  );
}

export function WebhookBadge({ enabled }: { enabled: boolean }) {
  return enabled ? (
    <Badge color="green" variant="light" radius="sm" tt="none" leftSection={<IconCircleCheck size={12} aria-hidden />}>
      Active
    </Badge>
  ) : (
    <Badge color="gray" variant="light" radius="sm" tt="none" leftSection={<IconPlayerPause size={12} aria-hidden />}>
      Paused
    </Badge>
  );
}
