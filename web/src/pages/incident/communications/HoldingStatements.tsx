import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { incidentPath } from '../queries';
import { useDraftCommunication } from './queries';
import { AUDIENCE_LABELS } from './types';

interface Rendered {
  template_id: string;
  name: string;
  audience: string;
  subject: string;
  body: string;
  gaps: string[];
}

/** The plan's holding statements, already filled in for this incident: one click makes the draft that legal then reviews. */
export function HoldingStatements({ incidentId, canDraft }: { incidentId: string; canDraft: boolean }) {
  const statements = useQuery({ queryKey: ['incident', incidentId, 'communications', 'holding'], queryFn: () => api.get<{ items: Rendered[] }>(`${incidentPath(incidentId)}/communications/holding-statements`) });
  const draft = useDraftCommunication(incidentId);
  const items = statements.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-label="Holding statements ready">
      <Title order={4} size="h5">Holding statements ready</Title>
      <Text size="sm" c="dimmed">Prepared wording for the media before the facts are known, filled in for this incident. Drafting one sends nothing: it still needs legal review and approval.</Text>
      {items.map((s) => (
        <Paper key={s.template_id} withBorder p="sm" radius="md">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Text fw={600} size="sm">{s.name} · {AUDIENCE_LABELS[s.audience] ?? s.audience}</Text>
              <Text size="sm">{s.subject}</Text>
              {s.gaps.length > 0 && <Text size="xs" c="dimmed">No value yet for {s.gaps.join(', ')}</Text>}
            </div>
            {canDraft && (
              <Button size="xs" variant="light" loading={draft.isPending && draft.variables?.template_id === s.template_id} onClick={() => draft.mutate({ template_id: s.template_id })}>
                Draft “{s.name}”
              </Button>
            )}
          </Group>
        </Paper>
      ))}
      {draft.error && <ProblemAlert error={draft.error} />}
    </Stack>
  );
}
