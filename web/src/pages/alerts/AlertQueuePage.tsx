import { Button, Center, Group, Kbd, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCan } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useListSelection } from '../../keyboard/useListSelection';
import { useShortcut } from '../../keyboard/useShortcut';
import { hasAlertFilters, useAlertFilters } from './alertFilters';
import { AlertFilterBar } from './AlertFilterBar';
import { AlertTable, displayOrder } from './AlertTable';
import { BulkBar, type BulkAction } from './BulkBar';
import { EmptyQueue } from './EmptyQueue';
import { useAlertQueue, useTriage } from './queries';
import { TriageDialogs, type DialogAction } from './TriageDialogs';

/** The triage queue: newest activity first, groups gathered, bulk actions, keyboard-driven, live. */
export function AlertQueuePage() {
  const navigate = useNavigate();
  const canTriage = useCan('alert.triage');
  const { filters, update, clear } = useAlertFilters();
  const { alerts: loaded, pages } = useAlertQueue(filters);
  const alerts = displayOrder(loaded);
  const [chosenIds, setChosenIds] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<{ action: DialogAction; ids: string[] } | null>(null);
  const reopen = useTriage();
  const selection = useListSelection('alerts', alerts.length, (index) => void navigate(`/alerts/${alerts[index]!.id}`), { enabled: !dialog });

  // Alerts that left the view (triaged by someone else, filtered out) are no longer chosen.
  const chosen = alerts.filter((a) => chosenIds.has(a.id));
  const toggle = (ids: string[], on: boolean) =>
    setChosenIds((current) => {
      const next = new Set(current);
      for (const id of ids) if (on) next.add(id); else next.delete(id);
      return next;
    });
  const targets = () => (chosen.length ? chosen : selection.selected !== null && alerts[selection.selected] ? [alerts[selection.selected]!] : []);
  const act = (action: BulkAction) => {
    const on = targets();
    if (!on.length || !canTriage) return;
    if (action === 'reopen') reopen.mutate({ action: 'reopen', alert_ids: on.map((a) => a.id) }, { onSuccess: () => setChosenIds(new Set()) });
    else if (on.every((a) => a.status === 'new')) setDialog({ action, ids: on.map((a) => a.id) });
  };
  const selected = selection.selected !== null ? alerts[selection.selected] : undefined;
  useShortcut('x', () => selected && toggle([selected.id], !chosenIds.has(selected.id)), { enabled: !dialog && canTriage });
  useShortcut('p', () => act('promote'), { enabled: !dialog && canTriage });
  useShortcut('m', () => act('merge'), { enabled: !dialog && canTriage });
  useShortcut('d', () => act('dismiss'), { enabled: !dialog && canTriage });

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="baseline">
        <Title order={1} size="h2">
          Alerts
        </Title>
        <Text size="xs" c="dimmed">
          Updates live as alerts arrive
        </Text>
      </Group>
      <AlertFilterBar filters={filters} update={update} clear={clear} />
      {canTriage && <BulkBar chosen={chosen} onAction={act} onClear={() => setChosenIds(new Set())} busy={reopen.isPending} />}
      <ProblemAlert error={reopen.error} />
      {pages.isError && <ProblemAlert error={pages.error} title="The alert queue could not be loaded" onRetry={() => void pages.refetch()} />}
      {pages.isPending ? (
        <Center py="xl">
          <Group gap="sm">
            <Loader size="sm" />
            <Text c="dimmed">Loading alerts…</Text>
          </Group>
        </Center>
      ) : alerts.length === 0 && !pages.isError ? (
        <EmptyQueue filtered={hasAlertFilters(filters)} onClear={clear} />
      ) : (
        alerts.length > 0 && (
          <Paper withBorder radius="sm" style={{ opacity: pages.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
            <AlertTable alerts={alerts} chosen={chosenIds} toggle={toggle} rowProps={selection.rowProps} onGroup={(group) => update({ group, status: [] })} />
          </Paper>
        )
      )}
      {alerts.length > 0 && (
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            Showing {alerts.length} · <Kbd size="xs">j</Kbd>/<Kbd size="xs">k</Kbd> move, <Kbd size="xs">x</Kbd> choose, <Kbd size="xs">Enter</Kbd> open
            {canTriage && (
              <>
                , <Kbd size="xs">p</Kbd> promote, <Kbd size="xs">m</Kbd> merge, <Kbd size="xs">d</Kbd> dismiss
              </>
            )}
          </Text>
          {pages.hasNextPage && (
            <Button variant="default" size="xs" loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
              Load more
            </Button>
          )}
        </Group>
      )}
      <TriageDialogs action={dialog?.action ?? null} alertIds={dialog?.ids ?? []} onClose={() => setDialog(null)} onDone={() => setChosenIds(new Set())} />
    </Stack>
  );
}
