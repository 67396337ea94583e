import { Button, Checkbox, Group, Modal, NativeSelect, ScrollArea, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMeta } from '../../meta/useMeta';
import { useTriage } from './queries';
import type { AlertDetail } from './types';

/** Alerts whose observables are offered one by one; beyond this, all of them come along. */
const CHOOSABLE = 20;

/** Opens a new incident from the alerts; the analyst picks the category and which observables come along. */
export function PromoteDialog({ alertIds, onClose, onDone }: { alertIds: string[]; onClose(): void; onDone(): void }) {
  const meta = useMeta();
  const navigate = useNavigate();
  const triage = useTriage();
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState('');
  const [severity, setSeverity] = useState('');
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [touched, setTouched] = useState(false);
  const details = useQueries({
    queries: alertIds.slice(0, CHOOSABLE).map((id) => ({ queryKey: ['alert', id], queryFn: () => api.get<AlertDetail>(`/api/v1/alerts/${id}`) })),
  });
  const observables = useMemo(() => {
    const seen = new Map<string, { id: string; label: string; ioc: boolean }>();
    for (const d of details) for (const o of d.data?.observables ?? []) if (!seen.has(o.observable_id)) seen.set(o.observable_id, { id: o.observable_id, label: `${o.type} ${o.value}`, ioc: o.ioc });
    return [...seen.values()];
  }, [details]);
  const choosable = alertIds.length <= CHOOSABLE;
  const what = alertIds.length === 1 ? 'this alert' : `${alertIds.length} alerts`;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!category) return;
    triage.mutate(
      {
        action: 'promote',
        alert_ids: alertIds,
        ...(choosable && excluded.size ? { observable_ids: observables.filter((o) => !excluded.has(o.id)).map((o) => o.id) } : {}),
        incident: { category, ...(title.trim() ? { title: title.trim() } : {}), ...(severity ? { severity: Number(severity) } : {}) },
      },
      { onSuccess: (answer) => { onDone(); onClose(); if (answer.incident) void navigate(`/incidents/${answer.incident.id}`); } },
    );
  };
  const toggle = (id: string) => setExcluded((current) => { const next = new Set(current); if (next.has(id)) next.delete(id); else next.add(id); return next; });

  return (
    <Modal opened onClose={onClose} title={`Promote ${what} to a new incident`} size="lg" closeButtonProps={{ 'aria-label': 'Dismiss dialog' }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label="Title" description="Leave empty to use the first alert’s title" maxLength={300} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
          <SimpleGrid cols={2} spacing="sm">
            <NativeSelect
              label="Category"
              required
              data-autofocus
              data={[{ value: '', label: 'Choose a category…', disabled: true }, ...meta.categories.map((c) => ({ value: c.key, label: c.label }))]}
              value={category}
              onChange={(e) => setCategory(e.currentTarget.value)}
              error={touched && !category ? 'Choose what kind of incident this is.' : undefined}
            />
            <NativeSelect
              label="Severity"
              description="Default: the most severe alert’s"
              data={[{ value: '', label: 'From the alerts' }, ...meta.severities.map((s) => ({ value: String(s.id), label: `${s.id} · ${s.label}` }))]}
              value={severity}
              onChange={(e) => setSeverity(e.currentTarget.value)}
            />
          </SimpleGrid>
          {choosable ? (
            <Checkbox.Group label={`Observables that come along (${observables.length - excluded.size} of ${observables.length})`}>
              <ScrollArea.Autosize mah={200} mt={4}>
                <Stack gap={4}>
                  {observables.map((o) => (
                    <Checkbox key={o.id} size="xs" checked={!excluded.has(o.id)} onChange={() => toggle(o.id)} label={<Text size="sm" ff="monospace">{o.label}{o.ioc ? ' · IOC' : ''}</Text>} />
                  ))}
                  {observables.length === 0 && <Text size="sm" c="dimmed">These alerts carry no observables.</Text>}
                </Stack>
              </ScrollArea.Autosize>
            </Checkbox.Group>
          ) : (
            <Text size="sm" c="dimmed">All observables of the {alertIds.length} alerts come along.</Text>
          )}
          <ProblemAlert error={triage.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={triage.isPending}>
              Open incident
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
