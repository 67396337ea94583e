import { Badge, Group } from '@mantine/core';
import { IconAlertTriangle, IconEye } from '@tabler/icons-react';

/** IOC and sighted, each as a word with an icon (colour is never the only cue). */
export function FlagBadges({ ioc, sighted }: { ioc: boolean; sighted: boolean }) {
  if (!ioc && !sighted) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {ioc && (
        <Badge color="red" variant="light" size="sm" radius="sm" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
          IOC
        </Badge>
      )}
      {sighted && (
        <Badge color="blue" variant="light" size="sm" radius="sm" leftSection={<IconEye size={12} aria-hidden />}>
          Sighted
        </Badge>
      )}
    </Group>
  );
}
