import { Button, Center, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { useUsers } from '../../components/UserSelect';
import { RelativeTime } from '../../format/RelativeTime';
import { ProblemAlert } from '../../components/ProblemAlert';
import { humanise } from './labels';
import { LevelBadge } from './LevelBadge';
import { useRiskHistory } from './queries';
import { fieldLabel, historyValue } from './riskDraft';
import type { RiskMatrix } from './types';

/** Every change to the risk, oldest first: what moved (before → after), why, who and when. */
export function RiskHistory({ riskId, matrix }: { riskId: string; matrix: RiskMatrix | undefined }) {
  const history = useRiskHistory(riskId);
  const users = useUsers();
  if (history.isError) return <ProblemAlert error={history.error} title="The history could not be loaded" />;
  if (history.isPending) {
    return (
      <Center py="md">
        <Loader size="sm" aria-label="Loading history" />
      </Center>
    );
  }
  const entries = history.data.pages.flatMap((p) => p.items);
  const levelWords = (field: string, value: unknown) => {
    if (typeof value !== 'string' || !matrix) return historyValue(value);
    const lists = field.endsWith('likelihood') ? matrix.likelihood_levels : field.endsWith('impact') ? matrix.impact_levels : field.endsWith('level') ? matrix.levels : null;
    return lists?.find((l) => l.id === value)?.name ?? historyValue(value);
  };
  const who = (id: string, actor?: { name: string } | null) => actor?.name ?? users.data?.find((u) => u.id === id)?.name ?? id;
  return (
    <Stack gap="xs">
      <Paper withBorder radius="sm">
        <Table.ScrollContainer minWidth={760}>
          <Table fz="sm" aria-label="History" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>Changes</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th>Levels after</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <RelativeTime iso={e.at} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{who(e.actor_id, e.actor)}</Table.Td>
                  <Table.Td>{humanise(e.action.replace(/^risk\./, ''))}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {Object.entries(e.changes ?? {}).map(([field, change]) => (
                        <Text key={field} size="sm">
                          <Text span fw={500}>
                            {fieldLabel(field)}
                          </Text>
                          : {levelWords(field, change?.before)} → {levelWords(field, change?.after)}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {e.reason || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <LevelBadge matrix={matrix} level={e.inherent_level} size="xs" /> → <LevelBadge matrix={matrix} level={e.residual_level} size="xs" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {history.hasNextPage && (
        <Button variant="default" size="xs" onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          Load more
        </Button>
      )}
    </Stack>
  );
}
