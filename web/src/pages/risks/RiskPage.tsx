import { Anchor, Badge, Button, Center, Group, Loader, Popover, Stack, Tabs, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconChecks, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useCan } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RelativeTime } from '../../format/RelativeTime';
import { FairTab } from './FairTab';
import { humanise, isPast } from './labels';
import { LevelBadge } from './LevelBadge';
import { useReviewRisk, useRisk, useRiskAppetite, useRiskMatrix } from './queries';
import { RiskControls } from './RiskControls';
import { RiskHistory } from './RiskHistory';
import { RiskLearning } from './RiskLearning';
import { RiskSummary } from './RiskSummary';

const TABS = ['summary', 'controls', 'history', 'fair', 'incidents'] as const;

/** /risks/:id — the risk, its controls, its history and its FAIR analysis. */
export function RiskPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'summary';
  const risk = useRisk(id);
  const matrix = useRiskMatrix();
  const appetite = useRiskAppetite();
  const canWrite = useCan('risk.write');
  if (risk.isError) return <ProblemAlert error={risk.error} title="The risk could not be loaded" onRetry={() => void risk.refetch()} />;
  if (!risk.data) {
    return (
      <Center py="xl">
        <Loader size="sm" aria-label="Loading" />
      </Center>
    );
  }
  const r = risk.data;
  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/risks" size="sm">
        ← Register
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Text ff="monospace" c="dimmed">
              {r.number}
            </Text>
            <Badge variant="default" tt="none">
              {humanise(r.status)}
            </Badge>
            {r.over_appetite && (
              <Badge color="red" variant="light" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
                Over appetite
              </Badge>
            )}
          </Group>
          <Title order={1} size="h2">
            {r.title}
          </Title>
          <Group gap="md">
            <Text size="sm">
              Inherent <LevelBadge matrix={matrix.data} level={r.inherent_level} aria-label="Inherent level" /> → residual <LevelBadge matrix={matrix.data} level={r.residual_level} aria-label="Residual level" />
            </Text>
            <Text size="sm" c={isPast(r.next_review_at) ? 'red' : 'dimmed'}>
              {isPast(r.next_review_at) ? 'Review overdue since ' : 'Next review '}
              <RelativeTime iso={r.next_review_at} />
            </Text>
          </Group>
        </Stack>
        {canWrite && (
          <Group gap="xs">
            <ReviewButton id={r.id} />
            <Button component={Link} to={`/risks/${r.id}/edit`} variant="default" leftSection={<IconPencil size={16} aria-hidden />}>
              Edit
            </Button>
          </Group>
        )}
      </Group>
      <Tabs value={tab} onChange={(value) => setParams((p) => { const next = new URLSearchParams(p); next.set('tab', value ?? 'summary'); return next; }, { replace: true })}>
        <Tabs.List>
          <Tabs.Tab value="summary">Summary</Tabs.Tab>
          <Tabs.Tab value="controls">Controls ({r.controls?.length ?? 0})</Tabs.Tab>
          <Tabs.Tab value="history">History</Tabs.Tab>
          <Tabs.Tab value="fair">FAIR analysis</Tabs.Tab>
          <Tabs.Tab value="incidents">Incidents</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="summary" pt="sm">
          <RiskSummary risk={r} matrix={matrix.data} currency={appetite.data?.currency ?? 'EUR'} />
        </Tabs.Panel>
        <Tabs.Panel value="controls" pt="sm">
          {tab === 'controls' && <RiskControls risk={r} />}
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="sm">
          {tab === 'history' && <RiskHistory riskId={r.id} matrix={matrix.data} />}
        </Tabs.Panel>
        <Tabs.Panel value="fair" pt="sm">
          {tab === 'fair' && <FairTab risk={r} appetite={appetite.data} />}
        </Tabs.Panel>
        <Tabs.Panel value="incidents" pt="sm">{tab === 'incidents' && <RiskLearning riskId={r.id} matrix={matrix.data} />}</Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function ReviewButton({ id }: { id: string }) {
  const [opened, setOpened] = useState(false);
  const [note, setNote] = useState('');
  const review = useReviewRisk(id);
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow trapFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconChecks size={16} aria-hidden />} onClick={() => setOpened((o) => !o)}>
          Mark reviewed
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" w={300}>
          <Text size="sm">Records the review now and sets the next review date from the cadence.</Text>
          <Textarea label="Review note" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          {review.isError && <ProblemAlert error={review.error} />}
          <Button
            loading={review.isPending}
            onClick={() =>
              review.mutate(note.trim(), {
                onSuccess: () => {
                  setOpened(false);
                  setNote('');
                  notifications.show({ color: 'green', message: 'Review recorded' });
                },
              })
            }
          >
            Record review
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
