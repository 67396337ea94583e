import { Anchor, Badge, Button, Center, Checkbox, Group, Loader, NativeSelect, Paper, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { UserSelect, useUsers } from '../../components/UserSelect';
import { formatInstant } from '../../format/time';
import {
  ACTION_ITEM_STATUSES,
  STATUS_LABELS,
  actionItemQuery,
  daysOverdue,
  incidentIdOf,
  isOverdue,
  ownerIdOf,
  overdueByOwner,
  readActionItemFilters,
  writeActionItemFilters,
  type ActionItem,
  type ActionItemFilters,
} from './actionItems';
import { useActionItems, useChangeActionItemStatus } from './queries';

/** /action-items — mine or everyone's, across reviews: filters in the URL, overdue per owner, status changed inline. */
export function ActionItemsPage() {
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filters = readActionItemFilters(params);
  const set = (change: Partial<ActionItemFilters>) => setParams(writeActionItemFilters({ ...filters, ...change }), { replace: true });
  const query = actionItemQuery(filters, me.id);
  const { items, pages } = useActionItems(query);
  const overdueAll = useActionItems({ overdue: 'true' });
  const users = useUsers();
  const nameOf = (id: string | null, fallback?: { name: string } | null) => (id ? (fallback?.name ?? users.data?.find((u) => u.id === id)?.name ?? id) : 'Nobody');
  const perOwner = overdueByOwner(overdueAll.items);
  return (
    <Stack gap="sm">
      <Title order={1} size="h2">
        Action items
      </Title>
      <Group gap="sm" align="flex-end" role="group" aria-label="Filters">
        <SegmentedControl
          aria-label="Whose items"
          value={filters.scope}
          onChange={(v) => set({ scope: v as 'mine' | 'all', owner: null })}
          data={[
            { value: 'mine', label: 'Mine' },
            { value: 'all', label: 'All' },
          ]}
        />
        {filters.scope === 'all' && <UserSelect label="Owner" clearable w={260} value={filters.owner} onChange={(v) => set({ owner: v })} />}
        <Select
          label="Status"
          placeholder="Any"
          clearable
          w={160}
          value={filters.status}
          onChange={(v) => set({ status: (v as ActionItemFilters['status']) ?? null })}
          data={ACTION_ITEM_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
        />
        <Checkbox label="Overdue only" checked={filters.overdue} onChange={(e) => set({ overdue: e.currentTarget.checked })} mb={8} />
      </Group>
      {pages.isError && <ProblemAlert error={pages.error} title="The action items could not be loaded" onRetry={() => void pages.refetch()} />}
      {pages.isPending ? (
        <Center py="xl">
          <Loader size="sm" aria-label="Loading action items" />
        </Center>
      ) : items.length === 0 ? (
        <Paper withBorder p="md" radius="sm">
          <Text size="sm" c="dimmed">
            No action item matches. Action items are written in an incident&apos;s review (its &quot;Review&quot; tab), each with an owner and a due date.
          </Text>
        </Paper>
      ) : (
        <ItemsTable items={items} nameOf={nameOf} />
      )}
      {pages.hasNextPage && (
        <Button variant="default" size="xs" onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          Load more
        </Button>
      )}
      <Paper withBorder radius="sm" p="sm" component="section" aria-label="Overdue per owner">
        <Title order={2} size="h5" mb="xs">
          Overdue per owner
        </Title>
        {perOwner.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing overdue.
          </Text>
        ) : (
          <Table fz="sm" verticalSpacing={2}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Overdue</Table.Th>
                <Table.Th>Oldest due</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {perOwner.map((o) => (
                <Table.Tr key={o.ownerId ?? 'none'}>
                  <Table.Td>
                    {o.ownerId ? (
                      <Anchor component="button" type="button" size="sm" onClick={() => set({ scope: 'all', owner: o.ownerId, overdue: true, status: null })}>
                        {o.ownerName ?? nameOf(o.ownerId)}
                      </Anchor>
                    ) : (
                      'Nobody'
                    )}
                  </Table.Td>
                  <Table.Td>{o.count}</Table.Td>
                  <Table.Td>{formatInstant(o.oldestDueAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}

function ItemsTable({ items, nameOf }: { items: ActionItem[]; nameOf: (id: string | null, fallback?: { name: string } | null) => string }) {
  const change = useChangeActionItemStatus();
  return (
    <Stack gap="xs">
      {change.isError && <ProblemAlert error={change.error} title="The status could not be changed" />}
      <Paper withBorder radius="sm">
        <Table.ScrollContainer minWidth={820}>
          <Table fz="sm" verticalSpacing="xs" aria-label="Action items" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Action</Table.Th>
                <Table.Th>Incident</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => {
                const late = isOverdue(item);
                const incidentId = incidentIdOf(item);
                return (
                  <Table.Tr key={item.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {item.title}
                      </Text>
                      {item.description && (
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {item.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {incidentId ? (
                        <Anchor component={Link} to={`/incidents/${incidentId}?tab=review`} size="sm">
                          {item.incident ? `${item.incident.number} ${item.incident.title}` : 'Incident'}
                        </Anchor>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>{item.kind.replace(/_/g, ' ')}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{nameOf(ownerIdOf(item), item.owner)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {item.due_at ? formatInstant(item.due_at) : '—'}
                      {late && (
                        <Badge ml={6} color="red" variant="light" tt="none" leftSection={<IconClockExclamation size={12} aria-hidden />}>
                          Overdue {daysOverdue(item)} d
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <NativeSelect
                        aria-label={`Status of ${item.title}`}
                        size="xs"
                        miw={130}
                        value={item.status}
                        disabled={change.isPending && change.variables?.item.id === item.id}
                        onChange={(e) => change.mutate({ item, status: e.currentTarget.value })}
                        data={ACTION_ITEM_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
