import { Anchor, Badge, Group, Loader, Paper, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconEye, IconQuestionMark, IconRouteOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../format/time';
import { controlPath } from './queries';

type Outcome = 'worked' | 'detected' | 'failed' | 'bypassed' | 'absent';

interface ControlOutcomes {
  control_id: string;
  counts: Record<Outcome, number>;
  items: Array<{ id: string; outcome: Outcome; note: string; recorded_at: string; incident: { id: string; number: string; title: string; detected_at: string } }>;
  not_shown: number;
}

/** Each outcome with a colour and an icon and its word: colour is never the only cue. */
const OUTCOMES: Record<Outcome, { label: string; color: string; icon: ReactNode }> = {
  worked: { label: 'Worked (prevented)', color: 'green', icon: <IconCircleCheck size={12} aria-hidden /> },
  detected: { label: 'Detected', color: 'teal', icon: <IconEye size={12} aria-hidden /> },
  failed: { label: 'Failed', color: 'red', icon: <IconCircleX size={12} aria-hidden /> },
  bypassed: { label: 'Bypassed', color: 'orange', icon: <IconRouteOff size={12} aria-hidden /> },
  absent: { label: 'Absent', color: 'gray', icon: <IconQuestionMark size={12} aria-hidden /> },
};

function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const o = OUTCOMES[outcome] ?? { label: outcome, color: 'gray', icon: null };
  return (
    <Badge color={o.color} variant="light" tt="none" leftSection={o.icon}>
      {o.label}
    </Badge>
  );
}

/** The control page's "In incidents": where the control worked, detected, failed, was bypassed or absent. */
export function ControlOutcomes({ controlId }: { controlId: string }) {
  const outcomes = useQuery({ queryKey: ['controls', controlId, 'outcomes'], queryFn: () => api.get<ControlOutcomes>(`${controlPath(controlId)}/outcomes`) });
  const d = outcomes.data;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="In incidents">
      <Title order={2} size="h5" mb="xs">
        In incidents
      </Title>
      {outcomes.isError && <ProblemAlert error={outcomes.error} title="The incidents could not be loaded" />}
      {outcomes.isPending && <Loader size="xs" aria-label="Loading outcomes" />}
      {d && (
        <>
          <Group gap="xs" mb="xs" aria-label="Outcome counts">
            {(Object.keys(OUTCOMES) as Outcome[]).map((o) => (
              <Text key={o} size="sm">
                {OUTCOMES[o].label}: <b>{d.counts[o] ?? 0}</b>
              </Text>
            ))}
          </Group>
          {d.not_shown > 0 && (
            <Text size="xs" c="dimmed" mb="xs">
              {d.not_shown} in restricted incidents you are not a member of: counted, not listed.
            </Text>
          )}
          {d.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              No incident has recorded what this control did. Responders record it on an incident&apos;s &quot;Risks &amp; controls&quot; tab.
            </Text>
          ) : (
            <Table verticalSpacing={4} fz="sm" aria-label="Outcomes in incidents">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Incident</Table.Th>
                  <Table.Th>Outcome</Table.Th>
                  <Table.Th>Note</Table.Th>
                  <Table.Th>Recorded</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/incidents/${item.incident.id}`} size="sm">
                        {item.incident.number} {item.incident.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <OutcomeBadge outcome={item.outcome} />
                    </Table.Td>
                    <Table.Td>{item.note || '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(item.recorded_at)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Paper>
  );
}
