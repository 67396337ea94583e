import { Button, Center, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AuditEntry, Page } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { AdminFrame } from './AdminFrame';
import { AuditRow } from './AuditRow';

export function AdminAuditPage() {
  return (
    <AdminFrame allow={['admin', 'auditor']}>
      <AuditLog />
    </AdminFrame>
  );
}

/** The hash-chained audit log, newest first, page by page. */
function AuditLog() {
  const audit = useInfiniteQuery({
    queryKey: ['audit'],
    queryFn: ({ pageParam }) => api.get<Page<AuditEntry>>('/api/v1/audit', { limit: 50, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
  const entries = audit.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Every change anyone makes, newest first. Entries are hash-chained; <code>bulwark verify</code> checks that none was altered.
      </Text>
      {audit.isError && <ProblemAlert error={audit.error} title="The audit log could not be loaded" onRetry={() => void audit.refetch()} />}
      {audit.isPending && (
        <Center py="xl">
          <Loader size="sm" aria-label="Loading the audit log" />
        </Center>
      )}
      {entries.length > 0 && (
        <Paper withBorder radius="sm">
          <Table.ScrollContainer minWidth={820}>
            <Table aria-label="Audit log" fz="sm" verticalSpacing={5}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  <Table.Th w={200}>Time</Table.Th>
                  <Table.Th>Actor</Table.Th>
                  <Table.Th>Action</Table.Th>
                  <Table.Th>Target</Table.Th>
                  <Table.Th w={70} ta="right">
                    Seq
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((entry) => (
                  <AuditRow key={entry.id} entry={entry} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {audit.data && entries.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing recorded yet.
        </Text>
      )}
      {entries.length > 0 && (
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            Showing the newest {entries.length}
          </Text>
          {audit.hasNextPage && (
            <Button variant="default" size="xs" loading={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()}>
              Load more
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
