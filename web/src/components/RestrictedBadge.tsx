import { Badge, Tooltip, type BadgeProps } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';

/** Marks an incident only its members (and administrators) can see. */
export function RestrictedBadge(props: Omit<BadgeProps, 'children'>) {
  return (
    <Tooltip label="Only people on this incident and administrators can see it" withArrow>
      <Badge color="violet" variant="light" radius="sm" tt="none" leftSection={<IconLock size={12} aria-hidden />} {...props}>
        Restricted
      </Badge>
    </Tooltip>
  );
}
