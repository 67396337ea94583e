import { Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFilterPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useCan } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ConfirmDialog } from '../admin/ConfirmDialog';
import { AlertRuleDialog } from './AlertRuleDialog';
import { AlertRulesTable } from './AlertRulesTable';
import type { AlertRule } from './types';
import { useAlertRuleList, useAlertRuleWrites } from './useAlertRules';

/** Alerts → Rules: what ingestion does to alerts as they arrive (de-duplicate, snooze, correlate, attach). */
export function AlertRulesPage() {
  const rules = useAlertRuleList();
  const canManage = useCan('alert.rules.manage');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<AlertRule | null>(null);
  const [deleting, setDeleting] = useState<AlertRule | null>(null);
  const { toggle, remove } = useAlertRuleWrites({ onDeleted: () => setDeleting(null) });

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={1} size="h2">Alert rules</Title>
          <Text size="sm" c="dimmed" maw={760}>
            Applied to every alert as it arrives, oldest rule first. Alerts sharing an observable within a day are grouped without any rule.
          </Text>
        </div>
        {canManage && (
          <Button leftSection={<IconFilterPlus size={16} aria-hidden />} onClick={() => setAdding(true)} style={{ flexShrink: 0 }}>
            Add rule
          </Button>
        )}
      </Group>
      {toggle.error && <ProblemAlert error={toggle.error} title="That did not work" />}
      {rules.isError && <ProblemAlert error={rules.error} title="The rules could not be loaded" onRetry={() => void rules.refetch()} />}
      {rules.isPending && (
        <Center py="xl">
          <Loader size="sm" aria-label="Loading alert rules" />
        </Center>
      )}
      {rules.data && rules.data.items.length === 0 && (
        <Paper withBorder p="lg" radius="sm">
          <Stack gap={4} align="center">
            <Text size="sm" fw={500}>No alert rules yet</Text>
            <Text size="sm" c="dimmed" ta="center" maw={600}>
              Every alert is stored as sent, repeats of the same source reference are counted once, and alerts sharing an observable are grouped.
              Add a rule to fold noisy repeats, snooze a known-noisy source for a while, group by other fields, or send matching alerts straight to an
              incident you are already working.
            </Text>
          </Stack>
        </Paper>
      )}
      {rules.data && rules.data.items.length > 0 && (
        <Paper withBorder radius="sm">
          <AlertRulesTable rules={rules.data.items} canManage={canManage} onToggle={(r) => toggle.mutate(r)} onEdit={setEditing} onDelete={setDeleting} />
        </Paper>
      )}
      <AlertRuleDialog opened={adding} onClose={() => setAdding(false)} />
      <AlertRuleDialog opened={editing !== null} rule={editing} onClose={() => setEditing(null)} />
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete alert rule"
        confirmLabel="Delete"
        danger
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
      >
        <strong>{deleting?.name}</strong> stops applying to new alerts at once. Alerts it already folded, snoozed, grouped or attached stay as they are. To
        stop it for a while instead, pause it.
      </ConfirmDialog>
    </Stack>
  );
}
