import { Button, Group, Modal, Radio, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PhaseBadge } from '../../components/PhaseBadge';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SeverityBadge } from '../../components/SeverityBadge';
import { useOpenIncidents, useTriage } from './queries';

/** Merge into an open incident the analyst may see; the alerts' observables come along, and an unmerge undoes it. */
export function MergeDialog({ alertIds, onClose, onDone }: { alertIds: string[]; onClose(): void; onDone(): void }) {
  const navigate = useNavigate();
  const triage = useTriage();
  const [q, setQ] = useState('');
  const [target, setTarget] = useState<string>('');
  const incidents = useOpenIncidents(q);
  const what = alertIds.length === 1 ? 'this alert' : `${alertIds.length} alerts`;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!target) return;
    triage.mutate({ action: 'merge', alert_ids: alertIds, incident_id: target }, { onSuccess: () => { onDone(); onClose(); void navigate(`/incidents/${target}`); } });
  };
  return (
    <Modal opened onClose={onClose} title={`Merge ${what} into an incident`} size="lg" closeButtonProps={{ 'aria-label': 'Dismiss dialog' }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label="Find an open incident" placeholder="Number, title or tag" data-autofocus value={q} onChange={(e) => setQ(e.currentTarget.value)} />
          <Radio.Group value={target} onChange={setTarget} label="Incident" required>
            <ScrollArea.Autosize mah={280} mt={6}>
              <Stack gap={6}>
                {(incidents.data?.items ?? []).map((incident) => (
                  <Radio
                    key={incident.id}
                    value={incident.id}
                    label={
                      <Group gap={6} wrap="nowrap">
                        <Text ff="monospace" size="sm">
                          {incident.number}
                        </Text>
                        <SeverityBadge severity={incident.severity} size="xs" />
                        <PhaseBadge phase={incident.phase} size="xs" />
                        <Text size="sm" lineClamp={1}>
                          {incident.title}
                        </Text>
                      </Group>
                    }
                  />
                ))}
                {incidents.data?.items.length === 0 && <Text size="sm" c="dimmed">No open incident matches.</Text>}
              </Stack>
            </ScrollArea.Autosize>
          </Radio.Group>
          <Text size="xs" c="dimmed">The alerts’ observables are added to the incident and its timeline records the merge. “Unmerge” on an alert undoes it.</Text>
          <ProblemAlert error={triage.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={!target} loading={triage.isPending}>
              Merge {what}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
