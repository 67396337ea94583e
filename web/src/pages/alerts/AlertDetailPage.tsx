import { Anchor, Breadcrumbs, Button, Center, Code, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconArrowMerge, IconEyeOff, IconRocket, IconStack2 } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCan } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SeverityBadge } from '../../components/SeverityBadge';
import { TlpBadge } from '../../components/TlpBadge';
import { RelativeTime } from '../../format/RelativeTime';
import { useShortcut } from '../../keyboard/useShortcut';
import { AlertObservables } from './AlertObservables';
import { useAlert, useTriage } from './queries';
import { StatusBadge } from './StatusBadge';
import { TriageDialogs, type DialogAction } from './TriageDialogs';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** One alert: what the sender said (with its raw JSON), its observables and where they were seen, and what to do with it. */
export function AlertDetailPage() {
  const { id } = useParams();
  const alert = useAlert(id);
  const canTriage = useCan('alert.triage');
  const triage = useTriage();
  const [dialog, setDialog] = useState<DialogAction | null>(null);
  const a = alert.data;
  const isNew = a?.status === 'new';
  useShortcut('p', () => setDialog('promote'), { enabled: canTriage && isNew && !dialog });
  useShortcut('m', () => setDialog('merge'), { enabled: canTriage && isNew && !dialog });
  useShortcut('d', () => setDialog('dismiss'), { enabled: canTriage && isNew && !dialog });

  if (alert.isPending) return <Center py="xl"><Loader size="sm" aria-label="Loading the alert" /></Center>;
  if (!a) return <ProblemAlert error={alert.error} title="The alert could not be loaded" onRetry={() => void alert.refetch()} />;

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/alerts" size="sm">Alerts</Anchor>
        <Text size="sm" ff="monospace">{a.source_ref}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6}>
          <Title order={1} size="h3">{a.title}</Title>
          <Group gap={6}>
            <SeverityBadge severity={a.severity} size="sm" />
            <StatusBadge status={a.status} />
            <TlpBadge tlp={a.tlp} size="sm" />
            {a.tags.map((tag) => <Text key={tag} size="xs" c="dimmed">#{tag}</Text>)}
          </Group>
        </Stack>
        {canTriage && (
          <Group gap="xs" wrap="nowrap">
            {isNew && <Button size="sm" leftSection={<IconRocket size={16} aria-hidden />} onClick={() => setDialog('promote')}>Promote</Button>}
            {isNew && <Button size="sm" variant="default" leftSection={<IconArrowMerge size={16} aria-hidden />} onClick={() => setDialog('merge')}>Merge</Button>}
            {isNew && <Button size="sm" variant="default" leftSection={<IconEyeOff size={16} aria-hidden />} onClick={() => setDialog('dismiss')}>Dismiss</Button>}
            {a.status === 'dismissed' && <Button size="sm" variant="default" leftSection={<IconArrowBackUp size={16} aria-hidden />} loading={triage.isPending} onClick={() => triage.mutate({ action: 'reopen', alert_ids: [a.id] })}>Reopen</Button>}
            {(a.status === 'merged' || a.status === 'promoted') && <Button size="sm" variant="default" leftSection={<IconArrowBackUp size={16} aria-hidden />} loading={triage.isPending} onClick={() => triage.mutate({ action: 'unmerge', alert_id: a.id })}>Unmerge</Button>}
          </Group>
        )}
      </Group>
      <ProblemAlert error={triage.error} />
      <Paper withBorder radius="sm" p="md">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          <Fact label="Source">{a.source} · <Code>{a.source_ref}</Code></Fact>
          <Fact label="First seen"><RelativeTime iso={a.first_seen_at} /></Fact>
          <Fact label="Last seen"><RelativeTime iso={a.last_seen_at} />{a.repeat_count > 1 ? ` · sent ${a.repeat_count} times` : ''}</Fact>
          <Fact label="Occurred"><RelativeTime iso={a.occurred_at} fallback="not given" /></Fact>
          <Fact label="Type">{a.type}</Fact>
          <Fact label="PAP">{a.pap.toUpperCase()}</Fact>
          <Fact label="Group">
            {a.group ? (
              <Anchor component={Link} to={`/alerts?status=all&group=${a.group.id}`} size="sm"><IconStack2 size={12} aria-hidden /> {a.group.title} ({a.group.alert_count})</Anchor>
            ) : 'none'}
          </Fact>
          <Fact label={a.status === 'dismissed' ? 'Dismissed because' : 'Incident'}>
            {a.status === 'dismissed' ? a.dismiss_reason : a.incident ? <Anchor component={Link} to={`/incidents/${a.incident.id}`} size="sm">{a.incident.number} · {a.incident.title}</Anchor> : 'none yet'}
          </Fact>
        </SimpleGrid>
        {a.description && <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{a.description}</Text>}
      </Paper>
      <section aria-labelledby="alert-observables">
        <Title order={2} size="h5" id="alert-observables" mb={6}>Observables</Title>
        <AlertObservables observables={a.observables} />
      </section>
      <section aria-labelledby="alert-raw">
        <Title order={2} size="h5" id="alert-raw" mb={6}>Raw JSON, as the sender sent it</Title>
        <Code block style={{ maxHeight: 420, overflow: 'auto' }} aria-label="Raw JSON">{JSON.stringify(a.raw, null, 2) ?? 'null'}</Code>
      </section>
      <TriageDialogs action={dialog} alertIds={[a.id]} onClose={() => setDialog(null)} onDone={() => void alert.refetch()} />
    </Stack>
  );
}
