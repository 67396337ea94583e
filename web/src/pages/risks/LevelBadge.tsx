import { Badge, type BadgeProps } from '@mantine/core';
import { levelColor, levelName, textOn } from './matrix';
import type { RiskMatrix } from './types';

/** A risk level in its matrix colour, always with its name (colour is never the only cue). */
export function LevelBadge({ matrix, level, size = 'sm', ...rest }: { matrix: RiskMatrix | undefined; level: string | null | undefined } & Omit<BadgeProps, 'color'>) {
  if (!level) return <>—</>;
  const color = levelColor(matrix, level);
  return (
    <Badge size={size} radius="sm" tt="none" fw={600} style={{ backgroundColor: color, color: textOn(color), whiteSpace: 'nowrap' }} data-level={level} {...rest}>
      {levelName(matrix, level)}
    </Badge>
  );
}
