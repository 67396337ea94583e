import { Badge, type BadgeProps } from '@mantine/core';
import type { Phase } from '../api/types';
import { FALLBACK_LABELS } from '../meta/fallback';

const PHASE_COLOURS: Record<Phase, string> = {
  detection: 'blue',
  containment: 'orange',
  eradication: 'grape',
  recovery: 'teal',
  post_incident: 'cyan',
  closed: 'gray',
};

export function phaseLabel(phase: Phase): string {
  return FALLBACK_LABELS.phases.find((p) => p.id === phase)?.label ?? phase;
}

/** The incident's life-cycle phase by name ("Containment"), tinted per phase. */
export function PhaseBadge({ phase, ...props }: { phase: Phase } & Omit<BadgeProps, 'children'>) {
  return (
    <Badge color={PHASE_COLOURS[phase]} variant="light" radius="sm" tt="none" {...props}>
      {phaseLabel(phase)}
    </Badge>
  );
}
