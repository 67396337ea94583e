import { ActionIcon, Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowRight, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { dependencyCandidates } from './assetForm';
import { assetPath, useAllAssets } from './queries';
import { kindLabel, type AssetDetail, type AssetRef } from './types';

/**
 * What the asset depends on (editable) and what depends on it. A dependency that would close a loop
 * is refused by the server, which names the cycle; the message is shown as it says it.
 */
export function Dependencies({ asset, canEdit }: { asset: AssetDetail; canEdit: boolean }) {
  const client = useQueryClient();
  const all = useAllAssets(canEdit);
  const [target, setTarget] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: ['assets'] });
  const add = useMutation({
    mutationFn: () => api.post(`${assetPath(asset.id)}/dependencies`, { depends_on_id: target, ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: () => {
      setTarget(null);
      setNote('');
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (dependsOnId: string) => api.delete(`${assetPath(asset.id)}/dependencies/${encodeURIComponent(dependsOnId)}`),
    onSuccess: () => void refresh(),
  });
  const candidates = dependencyCandidates(all.data ?? [], asset.id, asset.depends_on);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Dependencies">
      <Title order={2} size="h5" mb="sm">
        Dependencies
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            Depends on
          </Text>
          <RefList
            label="Depends on"
            refs={asset.depends_on}
            empty="Depends on nothing recorded."
            action={
              canEdit
                ? (ref) => (
                    <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`Remove dependency on ${ref.name}`} loading={remove.isPending && remove.variables === ref.id} onClick={() => remove.mutate(ref.id)}>
                      <IconTrash size={14} aria-hidden />
                    </ActionIcon>
                  )
                : undefined
            }
          />
          {remove.isError && <ProblemAlert error={remove.error} title="The dependency was not removed" />}
          {canEdit && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (target) add.mutate();
              }}
            >
              <Stack gap={6}>
                <Select
                  label="Add a dependency"
                  placeholder={all.isPending ? 'Loading assets…' : 'Choose an asset'}
                  searchable
                  data={candidates.map((a) => ({ value: a.id, label: `${a.name} (${kindLabel(a.kind)})` }))}
                  value={target}
                  onChange={(v) => {
                    setTarget(v);
                    add.reset();
                  }}
                  nothingFoundMessage="No other asset by that name"
                />
                <TextInput label="Note" placeholder="Optional: what for, e.g. nightly export" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
                <Group justify="flex-end">
                  <Button type="submit" size="xs" disabled={!target} loading={add.isPending}>
                    Add dependency
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
          {add.isError && <ProblemAlert error={add.error} title="The dependency was not added" />}
        </Stack>
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            Needed by
          </Text>
          <RefList label="Needed by" refs={asset.dependents} empty="Nothing recorded depends on it." />
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}

function RefList({ label, refs, empty, action }: { label: string; refs: AssetRef[]; empty: string; action?: (ref: AssetRef) => React.ReactNode }) {
  if (refs.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <ul className="plain-list" aria-label={label}>
      {refs.map((ref) => (
        <li key={ref.id}>
          <Group gap={6} wrap="nowrap" justify="space-between">
            <Group gap={6} wrap="nowrap">
              <IconArrowRight size={14} aria-hidden />
              <Anchor component={Link} to={`/assets/${ref.id}`} size="sm">
                {ref.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {kindLabel(ref.kind)}
                {ref.note ? ` · ${ref.note}` : ''}
              </Text>
            </Group>
            {action?.(ref)}
          </Group>
        </li>
      ))}
    </ul>
  );
}
