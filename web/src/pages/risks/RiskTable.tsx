import { Anchor, Badge, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useUsers } from '../../components/UserSelect';
import { RelativeTime } from '../../format/RelativeTime';
import { formatMoney } from './fair';
import { humanise, isPast } from './labels';
import { LevelBadge } from './LevelBadge';
import type { RiskFilters, RiskSort } from './riskFilters';
import type { Risk, RiskMatrix } from './types';
import { TREATMENT_LABELS } from './treatment';
import { RiskSortHeader } from './RiskSortHeader';

interface Props {
  risks: Risk[];
  matrix: RiskMatrix | undefined;
  currency: string;
  filters: RiskFilters;
  onSort: (sort: RiskSort, direction: 'asc' | 'desc') => void;
  rowProps: (index: number) => Record<string, unknown>;
}

/** The register: one dense row per risk, sortable where the API sorts. */
export function RiskTable({ risks, matrix, currency, filters, onSort, rowProps }: Props) {
  const users = useUsers();
  const ownerName = (id: string | null) => (id ? (users.data?.find((u) => u.id === id)?.name ?? '…') : '—');
  const header = (field: RiskSort, label: string) => <RiskSortHeader field={field} label={label} sort={filters.sort} direction={filters.direction} onSort={onSort} />;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table aria-label="Risks" fz="sm">
        <Table.Thead>
          <Table.Tr>
            {header('number', 'Number')}
            <Table.Th style={{ minWidth: 220 }}>Title</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Category</Table.Th>
            <Table.Th>Inherent</Table.Th>
            {header('residual_level', 'Residual')}
            <Table.Th>Treatment</Table.Th>
            {header('next_review_at', 'Next review')}
            {header('annual_loss_mean', 'Annual loss')}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {risks.map((risk, index) => {
            const overdue = isPast(risk.next_review_at);
            return (
              <Table.Tr key={risk.id} {...rowProps(index)}>
                <Table.Td>
                  <Text ff="monospace" size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {risk.number}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="wrap">
                    <Anchor component={Link} to={`/risks/${risk.id}`} fw={500} size="sm" lineClamp={2}>
                      {risk.title}
                    </Anchor>
                    {risk.over_appetite && (
                      <Tooltip label="Over the organisation's risk appetite">
                        <Badge size="xs" color="red" variant="light" style={{ flexShrink: 0 }} leftSection={<IconAlertTriangle size={10} aria-hidden />}>
                          Over appetite
                        </Badge>
                      </Tooltip>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{ownerName(risk.owner_id)}</Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {humanise(risk.category)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <LevelBadge matrix={matrix} level={risk.inherent_level} />
                </Table.Td>
                <Table.Td>
                  <LevelBadge matrix={matrix} level={risk.residual_level} />
                </Table.Td>
                <Table.Td>{risk.treatment ? TREATMENT_LABELS[risk.treatment] : <Text span size="sm" c="dimmed">Undecided</Text>}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={overdue ? 'red' : undefined} fw={overdue ? 600 : undefined} style={{ whiteSpace: 'nowrap' }}>
                    {overdue && <VisuallyHidden>Overdue: </VisuallyHidden>}
                    <RelativeTime iso={risk.next_review_at} />
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(risk.annual_loss_mean, currency)}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
