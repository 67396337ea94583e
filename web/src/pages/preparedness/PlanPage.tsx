import { Alert, Badge, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCalendarExclamation } from '@tabler/icons-react';
import { useCan } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../format/time';
import { DownloadButtons } from './DownloadButtons';
import { PlanDocumentView } from './PlanDocumentView';
import { PlanEditor } from './PlanEditor';
import { usePlan } from './queries';
import { VersionHistory } from './VersionHistory';

/** The response plan: the version in force to read and take offline, its history, and the next draft. */
export function PlanPage() {
  const plan = usePlan();
  const canWrite = useCan('plan.write');
  if (plan.isPending) return <Loader aria-label="Loading the response plan" />;
  if (plan.error) return <ProblemAlert error={plan.error} onRetry={() => void plan.refetch()} />;
  const { in_force: inForce, draft, status } = plan.data;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">{inForce?.content.title ?? 'Response plan'}</Title>
          {inForce ? (
            <Text size="sm" c="dimmed">
              Version {inForce.plan_version} in force, approved {formatInstant(inForce.approved_at)}{inForce.approved_by_name ? ` by ${inForce.approved_by_name}` : ''}. Review due{' '}
              {formatInstant(inForce.review_due_at)}.
            </Text>
          ) : (
            <Text size="sm" c="dimmed">No plan has been approved yet.{canWrite ? ' Draft one below; an administrator approves it.' : ' Incident managers draft it; an administrator approves it.'}</Text>
          )}
        </div>
        {draft && <Badge color="yellow" variant="light">Draft of version {draft.plan_version} in progress</Badge>}
      </Group>

      {inForce && status.changed_since_export && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} aria-hidden />} title="The plan changed since the last offline export">
          {status.last_export
            ? `The last offline copy (version ${status.last_export.plan_version}, ${formatInstant(status.last_export.exported_at)}) is older than version ${inForce.plan_version}. Download the offline plan again and replace the copies people keep.`
            : 'Nobody has exported the plan yet. Download the offline plan and keep it where you can reach it when the network is down.'}
        </Alert>
      )}
      {inForce && status.review_overdue && (
        <Alert color="red" icon={<IconCalendarExclamation size={18} aria-hidden />} title="The plan's review date has passed">
          It was due {formatInstant(status.review_due_at)}. Review the plan, save a draft with a new review date and have it approved.
        </Alert>
      )}

      {inForce && (
        <Stack gap={4}>
          <DownloadButtons />
          {status.last_export && (
            <Text size="xs" c="dimmed">
              Last export: version {status.last_export.plan_version} as {status.last_export.format.toUpperCase()}, {formatInstant(status.last_export.exported_at)}
              {status.last_export.exported_by_name ? ` by ${status.last_export.exported_by_name}` : ''}.
            </Text>
          )}
        </Stack>
      )}

      <Tabs defaultValue={inForce ? 'plan' : canWrite ? 'draft' : 'plan'} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="plan">Plan in force</Tabs.Tab>
          <Tabs.Tab value="history">Version history</Tabs.Tab>
          {canWrite && <Tabs.Tab value="draft">{draft ? 'Edit draft' : 'Prepare next version'}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="plan" pt="md">
          {inForce ? <PlanDocumentView content={inForce.content} /> : <Text c="dimmed">Nothing is in force yet. Once a draft is approved it shows here, readable like a document, and can be taken offline.</Text>}
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <VersionHistory />
        </Tabs.Panel>
        {canWrite && (
          <Tabs.Panel value="draft" pt="md">
            <PlanEditor overview={plan.data} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
