import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { IncidentDetail } from '../../api/types';
import { RestrictedBadge } from '../../components/RestrictedBadge';
import { SeverityBadge } from '../../components/SeverityBadge';
import { TlpBadge } from '../../components/TlpBadge';
import { useMeta } from '../../meta/useMeta';
import { CommanderControl } from './CommanderControl';
import { EditableTitle } from './EditableTitle';
import { PhaseHistory } from './PhaseHistory';
import { PhaseStepper } from './PhaseStepper';
import type { IncidentAbilities } from './permissions';
import { ResponseClock } from './ResponseClock';

/** Number, title, markings, who is in command, the running clocks, and the life cycle. */
export function IncidentHeader({ incident, abilities }: { incident: IncidentDetail; abilities: IncidentAbilities }) {
  const meta = useMeta();
  return (
    <Paper withBorder p="md" radius="md" className="incident-header">
      <Stack gap="sm">
        <Group gap="xs" wrap="wrap">
          <Text ff="monospace" fw={600} c="dimmed" size="sm">
            {incident.number}
          </Text>
          <SeverityBadge severity={incident.severity} />
          <TlpBadge tlp={incident.tlp} />
          {incident.restricted && <RestrictedBadge />}
          <Badge variant="default" radius="sm" tt="none">
            {meta.categoryLabel(incident.category)}
          </Badge>
          {incident.resolution && (
            <Badge variant="default" radius="sm" tt="none">
              Resolved: {meta.label('resolutions', incident.resolution)}
            </Badge>
          )}
        </Group>
        <EditableTitle incident={incident} canEdit={abilities.edit} />
        <Group gap="lg" wrap="wrap">
          <CommanderControl incident={incident} canTakeCommand={abilities.edit} />
          <ResponseClock incident={incident} />
          <PhaseHistory incident={incident} />
        </Group>
        <PhaseStepper incident={incident} canMove={abilities.transition} />
      </Stack>
    </Paper>
  );
}
