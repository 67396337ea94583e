import { Badge, type BadgeProps } from '@mantine/core';
import { TLP_COLOURS } from '../theme';

/** Traffic Light Protocol marking, written out ("TLP:AMBER") so the colour is never the only cue. */
export function TlpBadge({ tlp, ...props }: { tlp: string } & Omit<BadgeProps, 'children'>) {
  return (
    <Badge color={TLP_COLOURS[tlp] ?? 'gray'} variant="outline" radius="sm" tt="none" ff="monospace" {...props}>
      TLP:{tlp.toUpperCase()}
    </Badge>
  );
}
