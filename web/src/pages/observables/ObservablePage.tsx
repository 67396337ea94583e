import { Anchor, Badge, Button, Center, Code, Group, Loader, Paper, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useCan } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../format/time';
import { useIgnoreSimilarity, useObservableHistory } from './queries';
import { SightingsTable } from './SightingsTable';
import { OBSERVABLE_TYPE_LABELS, type ObservableType } from './types';

/** /observables/:id, or /observables/lookup?value=…[&type=…] from the search box: where it was seen. */
export function ObservablePage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const value = params.get('value') ?? '';
  const type = (params.get('type') as ObservableType | null) || null;
  return id ? <ObservableHistoryView target={{ id }} /> : <ObservableHistoryView target={{ type, value }} searched={value} />;
}

function ObservableHistoryView({ target, searched }: { target: { id: string } | { type: ObservableType | null; value: string }; searched?: string }) {
  const history = useObservableHistory(target);
  const ignore = useIgnoreSimilarity();
  const canWrite = useCan('observable.write');
  const first = history.data?.pages[0];
  const sightings = history.data?.pages.flatMap((p) => p.sightings.items) ?? [];

  useEffect(() => {
    if (first) document.title = `${first.value} · Observable · Bulwark`;
    return () => {
      document.title = 'Bulwark';
    };
  }, [first]);

  if (history.isPending) {
    return (
      <Center py="xl">
        <Loader size="sm" aria-label="Looking it up" />
      </Center>
    );
  }
  if (history.isError || !first) return <ProblemAlert error={history.error} title="This observable cannot be shown" onRetry={() => void history.refetch()} />;

  const { summary, observable } = first;
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Group gap="xs">
          <Badge variant="default" radius="sm" tt="none">{OBSERVABLE_TYPE_LABELS[first.type] ?? first.type}</Badge>
          {observable?.ignore_similarity && <Badge color="gray" variant="light" radius="sm" tt="none">ignored for similarity</Badge>}
        </Group>
        <Title order={1} size="h3" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {first.value}
        </Title>
        {searched && searched.trim() !== first.value && (
          <Text size="xs" c="dimmed">
            You searched for <Code fz="xs">{searched}</Code>; this is its normalised form.
          </Text>
        )}
      </Stack>

      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure label="Incidents" value={String(summary.incidents)} />
        <Figure label="Alerts" value={String(summary.alerts)} />
        <Figure label="First seen" value={summary.first_seen_at ? formatInstant(summary.first_seen_at) : '—'} />
        <Figure label="Last seen" value={summary.last_seen_at ? formatInstant(summary.last_seen_at) : '—'} />
      </SimpleGrid>

      {observable && canWrite && (
        <Switch
          label="Ignore for similarity"
          description="For values everyone shares (a public resolver, your proxy, the empty file’s hash): they stop counting as “seen before” and stop tying alerts together."
          checked={observable.ignore_similarity}
          disabled={ignore.isPending}
          onChange={(e) => ignore.mutate({ observable, ignore: e.currentTarget.checked })}
          maw={640}
        />
      )}

      {sightings.length === 0 ? (
        <Paper withBorder radius="md" p="md">
          <Text size="sm">Not seen before: no alert or incident you can see carries this {OBSERVABLE_TYPE_LABELS[first.type]?.toLowerCase() ?? 'value'}.</Text>
          {searched && (
            <Anchor component={Link} to={`/incidents?q=${encodeURIComponent(searched)}`} size="sm">
              <Group gap={4} mt="xs">
                <IconSearch size={14} aria-hidden /> Search incidents for “{searched}” instead
              </Group>
            </Anchor>
          )}
        </Paper>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            Seen {summary.times_seen} time{summary.times_seen === 1 ? '' : 's'} on {summary.incidents + summary.alerts === 1 ? 'one alert or incident' : `${summary.incidents + summary.alerts} alerts and incidents`} you can see.
          </Text>
          <SightingsTable sightings={sightings} />
          {history.hasNextPage && (
            <Button variant="default" onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage} w="fit-content">
              Show more
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="sm" fw={600}>{value}</Text>
    </Paper>
  );
}
