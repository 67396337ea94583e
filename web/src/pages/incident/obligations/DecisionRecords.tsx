import { Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatInstant } from '../../../format/time';
import { useDecisions } from './queries';
import { SignDecisionDialog } from './SignDecisionDialog';
import { DECISION_LABELS } from './types';

/** Signed decisions, newest first, superseded ones marked; the button for those who may sign. */
export function DecisionRecords({ incidentId, canSign }: { incidentId: string; canSign: boolean }) {
  const decisions = useDecisions(incidentId);
  const [signing, setSigning] = useState(false);
  const items = [...(decisions.data ?? [])].reverse();
  return (
    <Paper withBorder radius="sm" p="md" component="section" aria-label="Decision records">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">Decision records</Title>
          {canSign && (
            <Button size="xs" leftSection={<IconSignature size={14} aria-hidden />} onClick={() => setSigning(true)}>
              Sign a decision
            </Button>
          )}
        </Group>
        {decisions.isPending && <Skeleton h={60} />}
        {decisions.isError && <ProblemAlert error={decisions.error} title="The decisions could not be loaded" onRetry={() => void decisions.refetch()} />}
        {decisions.data && items.length === 0 && (
          <Text size="sm" c="dimmed">
            No decisions yet. Decisions such as “personal data breach: yes” or “major incident: yes” start the clocks that depend on them; each is signed with who decided, when, and on what facts. Legal counsel, the executive sponsor and the incident commander of this incident may sign, as may incident managers.
          </Text>
        )}
        {items.length > 0 && (
          <Table striped withTableBorder aria-label="Signed decisions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Decision</Table.Th>
                <Table.Th>Decided at</Table.Th>
                <Table.Th>On what facts</Table.Th>
                <Table.Th>Signed by</Table.Th>
                <Table.Th>Signature</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id} style={d.superseded_by ? { opacity: 0.6 } : undefined}>
                  <Table.Td>
                    <Text size="sm" fw={500}>{DECISION_LABELS[d.kind] ?? d.kind}: {d.outcome ? 'yes' : 'no'}</Text>
                    {d.superseded_by && <Badge size="xs" variant="default" tt="none">Superseded</Badge>}
                  </Table.Td>
                  <Table.Td><Text size="sm">{formatInstant(d.decided_at)}</Text></Table.Td>
                  <Table.Td><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{d.facts}</Text></Table.Td>
                  <Table.Td><Text size="sm">{d.signed_by.name ?? d.signed_by.id}</Text><Text size="xs" c="dimmed">{formatInstant(d.signed_at)}</Text></Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Tooltip label={d.signature}><Text size="xs" ff="monospace" aria-label={`Signature ${d.signature.slice(0, 12)}`}>{d.signature.slice(0, 12)}…</Text></Tooltip>
                      {!d.signature_valid && <Badge color="red" size="xs" leftSection={<IconAlertTriangle size={10} aria-hidden />} tt="none">Does not verify</Badge>}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {signing && <SignDecisionDialog incidentId={incidentId} onClose={() => setSigning(false)} />}
    </Paper>
  );
}
