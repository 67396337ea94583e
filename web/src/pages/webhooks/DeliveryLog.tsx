import { Button, Center, Group, Loader, Paper, SegmentedControl, Table, Text, UnstyledButton } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RelativeTime } from '../../format/RelativeTime';
import { DeliveryDetails } from './DeliveryDetails';
import type { Delivery, DeliveryState } from './types';
import { DeliveryBadge } from './WebhookStatus';

type Filter = 'all' | DeliveryState;

function lastAnswer(delivery: Delivery): string {
  const last = delivery.attempts.at(-1);
  if (!last) return 'not attempted yet';
  return last.status_code !== null ? `HTTP ${last.status_code}` : (last.error ?? 'no answer');
}

/** A webhook's deliveries, newest first; refreshes itself while some are still pending. */
export function DeliveryLog({ webhookId }: { webhookId: string }) {
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<Filter>('all');
  const [open, setOpen] = useState<string | null>(null);
  const deliveries = useInfiniteQuery({
    queryKey: ['webhooks', webhookId, 'deliveries', filter],
    queryFn: ({ pageParam }) => api.get<{ items: Delivery[]; next_cursor: string | null }>(`/api/v1/webhooks/${webhookId}/deliveries`, { state: filter === 'all' ? undefined : filter, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    refetchInterval: (query) => (query.state.data?.pages.some((p) => p.items.some((d) => d.state === 'pending')) ? 3000 : false),
  });
  const redeliver = useMutation({
    mutationFn: (delivery: Delivery) => api.post<Delivery>(`/api/v1/webhooks/${webhookId}/deliveries/${delivery.id}/redeliver`),
    onSuccess: (created) => {
      setOpen(created.id);
      void queryClient.invalidateQueries({ queryKey: ['webhooks', webhookId, 'deliveries'] });
    },
  });
  const items = deliveries.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Paper withBorder radius="sm" p="sm">
      <Group justify="space-between" mb="xs">
        <Text fw={600} size="sm" component="h2" m={0}>
          Delivery log
        </Text>
        <SegmentedControl
          size="xs"
          aria-label="Show deliveries"
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          data={[
            { value: 'all', label: 'All' },
            { value: 'pending', label: 'Pending' },
            { value: 'delivered', label: 'Delivered' },
            { value: 'failed', label: 'Failed' },
          ]}
        />
      </Group>
      {(deliveries.error ?? redeliver.error) && <ProblemAlert error={deliveries.error ?? redeliver.error} title="The delivery log could not be loaded or changed" />}
      {deliveries.isPending && (
        <Center py="lg">
          <Loader size="sm" aria-label="Loading deliveries" />
        </Center>
      )}
      {deliveries.data && items.length === 0 && (
        <Text size="sm" c="dimmed" ta="center" py="lg">
          {filter === 'all' ? 'Nothing sent yet. Events of the subscribed types appear here as they happen; “Send test event” sends one now.' : `No ${filter} deliveries.`}
        </Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table fz="sm" aria-label="Deliveries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36} />
                <Table.Th>Event</Table.Th>
                <Table.Th w={120}>Result</Table.Th>
                <Table.Th w={90}>Attempts</Table.Th>
                <Table.Th>Last answer</Table.Th>
                <Table.Th w={130}>Queued</Table.Th>
                <Table.Th w={130}>Next attempt</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Fragment key={d.id}>
                  <Table.Tr>
                    <Table.Td>
                      <UnstyledButton onClick={() => setOpen(open === d.id ? null : d.id)} aria-expanded={open === d.id} aria-label={`Details of ${d.event_type} delivery ${d.id}`}>
                        {open === d.id ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
                      </UnstyledButton>
                    </Table.Td>
                    <Table.Td ff="monospace" fz="xs">
                      {d.event_type}
                    </Table.Td>
                    <Table.Td>
                      <DeliveryBadge state={d.state} />
                    </Table.Td>
                    <Table.Td>{d.attempt_count}</Table.Td>
                    <Table.Td fz="xs" style={{ wordBreak: 'break-word' }}>
                      {lastAnswer(d)}
                    </Table.Td>
                    <Table.Td>
                      <RelativeTime iso={d.created_at} />
                    </Table.Td>
                    <Table.Td>
                      <RelativeTime iso={d.next_attempt_at} />
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr style={{ display: open === d.id ? undefined : 'none' }}>
                    <Table.Td colSpan={7}>
                      {open === d.id && <DeliveryDetails delivery={d} busy={redeliver.isPending && redeliver.variables?.id === d.id} onRedeliver={() => redeliver.mutate(d)} />}
                    </Table.Td>
                  </Table.Tr>
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {deliveries.hasNextPage && (
        <Center mt="xs">
          <Button variant="default" size="compact-sm" loading={deliveries.isFetchingNextPage} onClick={() => void deliveries.fetchNextPage()}>
            Load older deliveries
          </Button>
        </Center>
      )}
    </Paper>
  );
}
