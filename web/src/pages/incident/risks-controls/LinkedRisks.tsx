import { ActionIcon, Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconBulb, IconLink, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatInstant } from '../../../format/time';
import { LevelBadge } from '../../risks/LevelBadge';
import { useRiskMatrix } from '../../risks/queries';
import { useIncidentRisks, useLinkRisk, useSuggestedRisks, useUnlinkRisk } from './queries';
import { RiskPicker } from './RiskPicker';
import { openSuggestions, reasonText } from './types';

/** The risks this incident materialised: linked by hand or from the suggestions, each with why. */
export function LinkedRisks({ incidentId, canWrite }: { incidentId: string; canWrite: boolean }) {
  const links = useIncidentRisks(incidentId);
  const suggestions = useSuggestedRisks(incidentId);
  const matrix = useRiskMatrix();
  const link = useLinkRisk(incidentId);
  const unlink = useUnlinkRisk(incidentId);
  const linked = links.data ?? [];
  const open = openSuggestions(suggestions.data ?? [], linked);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="linked-risks-title">
      <Stack gap="sm">
        <Title order={2} size="h5" id="linked-risks-title">
          Risks that materialised
        </Title>
        {canWrite && <RiskPicker onPick={(riskId) => link.mutate({ risk_id: riskId })} disabled={link.isPending} linked={new Set(linked.map((l) => l.risk_id))} />}
        {link.error && <ProblemAlert error={link.error} title="The risk could not be linked" />}
        {unlink.error && <ProblemAlert error={unlink.error} title="The link could not be removed" />}
        {links.isPending && <Skeleton h={60} />}
        {links.isError && <ProblemAlert error={links.error} title="The linked risks could not be loaded" onRetry={() => void links.refetch()} />}
        {links.data && linked.length === 0 && (
          <Text size="sm" c="dimmed">
            No risk linked yet. Link the register’s risks this incident made real: the review then proposes updating their likelihood from what happened.
          </Text>
        )}
        {linked.length > 0 && (
          <Table verticalSpacing={4} aria-label="Linked risks">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Risk</Table.Th>
                <Table.Th>Residual</Table.Th>
                <Table.Th>Linked</Table.Th>
                {canWrite && <Table.Th aria-label="Remove" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {linked.map((l) => {
                const risk = l.risk;
                return (
                  <Table.Tr key={l.risk_id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/risks/${encodeURIComponent(risk.id)}`} size="sm">
                        {risk.number} {risk.title}
                      </Anchor>
                      {l.note && <Text size="xs" c="dimmed">{l.note}</Text>}
                    </Table.Td>
                    <Table.Td><LevelBadge matrix={matrix.data} level={risk.residual_level} /></Table.Td>
                    <Table.Td>
                      <Text size="xs">{formatInstant(l.linked_at)}</Text>
                    </Table.Td>
                    {canWrite && (
                      <Table.Td>
                        <Tooltip label="Unlink">
                          <ActionIcon variant="subtle" color="gray" aria-label={`Unlink ${risk.number}`} onClick={() => unlink.mutate(l.risk_id)} loading={unlink.isPending && unlink.variables === l.risk_id}>
                            <IconX size={14} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {suggestions.isError && <ProblemAlert error={suggestions.error} title="Suggestions could not be loaded" />}
        {open.length > 0 && (
          <Stack gap={6} component="section" aria-label="Suggested risks">
            <Group gap={6}>
              <IconBulb size={16} aria-hidden />
              <Text size="sm" fw={600}>
                Suggested: these risks match the incident
              </Text>
            </Group>
            {open.map((s) => {
              const risk = s.risk;
              return (
                <Group key={risk.id} justify="space-between" wrap="nowrap" gap="sm" role="group" aria-label={`Suggestion ${risk.number}`}>
                  <div>
                    <Anchor component={Link} to={`/risks/${encodeURIComponent(risk.id)}`} size="sm">
                      {risk.number} {risk.title}
                    </Anchor>
                    <Group gap={4} mt={2}>
                      {s.reasons.map((reason, i) => (
                        <Badge key={`${reason.kind}:${i}`} size="sm" variant="light" color="gray" tt="none">
                          {reasonText(reason)}
                        </Badge>
                      ))}
                    </Group>
                  </div>
                  {canWrite && (
                    <Button size="compact-sm" variant="light" leftSection={<IconLink size={14} aria-hidden />} onClick={() => link.mutate({ risk_id: risk.id })} aria-label={`Link ${risk.number}`} loading={link.isPending && link.variables?.risk_id === risk.id}>
                      Link
                    </Button>
                  )}
                </Group>
              );
            })}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
