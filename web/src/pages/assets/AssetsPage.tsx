import { Anchor, Badge, Button, Center, Checkbox, CloseButton, Group, Kbd, Loader, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCan } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useListSelection } from '../../keyboard/useListSelection';
import { useShortcut } from '../../keyboard/useShortcut';
import { LevelBadge } from '../controls/badges';
import { useOwnerName, useRiskLevels } from '../controls/queries';
import { readAssetFilters, writeAssetFilters, type AssetFilters } from './assetForm';
import { NewAssetDialog } from './NewAssetDialog';
import { useAssetList } from './queries';
import { ASSET_KINDS, CLASSIFICATIONS, CLASSIFICATION_LABELS, KIND_LABELS, classificationLabel, kindLabel } from './types';

function useAssetFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readAssetFilters(params), [params]);
  const update = useCallback(
    (change: Partial<AssetFilters>) => setParams((current) => writeAssetFilters({ ...readAssetFilters(current), ...change }), { replace: true }),
    [setParams],
  );
  return { filters, update };
}

/** /assets: what the organisation runs and holds, by kind, criticality and the data in it. */
export function AssetsPage() {
  const navigate = useNavigate();
  const { filters, update } = useAssetFilters();
  const { assets, pages } = useAssetList(filters);
  const levels = useRiskLevels();
  const ownerName = useOwnerName();
  const canWrite = useCan('risk.write');
  const [creating, createDialog] = useDisclosure();
  const [q, setQ] = useState(filters.q);
  useEffect(() => {
    const timer = setTimeout(() => {
      if (q !== filters.q) update({ q });
    }, 250);
    return () => clearTimeout(timer);
  }, [q]);
  const selection = useListSelection('assets', assets.length, (i) => {
    const asset = assets[i];
    if (asset) void navigate(`/assets/${asset.id}`);
  });
  useShortcut('n', createDialog.open, { enabled: canWrite && !creating });
  const filtered = Boolean(filters.kind || filters.criticality || filters.classification || filters.q);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1} size="h2">
          Assets
        </Title>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={createDialog.open}>
            New asset
          </Button>
        )}
      </Group>
      <Group gap="sm" align="flex-end">
        <TextInput
          aria-label="Search assets"
          placeholder="Search by name"
          leftSection={<IconSearch size={14} aria-hidden />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          rightSection={q ? <CloseButton size="sm" aria-label="Clear search" onClick={() => setQ('')} /> : undefined}
          w={240}
        />
        <NativeSelect aria-label="Kind" value={filters.kind ?? ''} onChange={(e) => update({ kind: e.currentTarget.value || null })} data={[{ value: '', label: 'Every kind' }, ...ASSET_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))]} />
        <NativeSelect
          aria-label="Criticality"
          value={filters.criticality ?? ''}
          onChange={(e) => update({ criticality: e.currentTarget.value || null })}
          data={[{ value: '', label: 'Any criticality' }, ...levels.levels.map((l) => ({ value: l.id, label: l.name }))]}
        />
        <NativeSelect
          aria-label="Data classification"
          value={filters.classification ?? ''}
          onChange={(e) => update({ classification: e.currentTarget.value || null })}
          data={[{ value: '', label: 'Any data' }, ...CLASSIFICATIONS.map((c) => ({ value: c, label: CLASSIFICATION_LABELS[c] }))]}
        />
        <Checkbox label="Show retired" checked={filters.retired} onChange={(e) => update({ retired: e.currentTarget.checked })} mb={8} />
      </Group>
      {pages.isError && <ProblemAlert error={pages.error} title="The assets could not be loaded" onRetry={() => void pages.refetch()} />}
      {pages.isPending ? (
        <Center py="xl">
          <Loader size="sm" aria-label="Loading assets" />
        </Center>
      ) : assets.length === 0 ? (
        <Paper withBorder p="lg" radius="sm">
          <Text c="dimmed">
            {filtered ? 'No asset matches these filters.' : 'No assets yet. Start with the business services that matter most, then the systems, data stores, people and suppliers they depend on.'}
          </Text>
        </Paper>
      ) : (
        <Paper withBorder radius="sm" style={{ opacity: pages.isPlaceholderData ? 0.6 : 1 }}>
          <Table highlightOnHover verticalSpacing={4} aria-label="Assets">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Criticality</Table.Th>
                <Table.Th>Data</Table.Th>
                <Table.Th>Owner</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {assets.map((asset, i) => (
                <Table.Tr key={asset.id} {...selection.rowProps(i)} style={{ opacity: asset.retired_at ? 0.6 : 1 }}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Anchor component={Link} to={`/assets/${asset.id}`} size="sm" fw={600}>
                        {asset.name}
                      </Anchor>
                      {asset.retired_at && (
                        <Badge size="xs" color="gray" variant="outline">
                          retired
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{kindLabel(asset.kind)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <LevelBadge level={asset.criticality} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {asset.data_classifications.map((c) => (
                        <Badge key={c} size="sm" variant="light" color={c === 'public' ? 'gray' : 'grape'} radius="sm" style={{ textTransform: 'none' }}>
                          {classificationLabel(c)}
                        </Badge>
                      ))}
                      {asset.data_classifications.length === 0 && asset.jurisdictions.length === 0 && (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                      {asset.jurisdictions.length > 0 && (
                        <Text size="xs" c="dimmed">
                          {asset.jurisdictions.join(', ')}
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={asset.owner_id ? undefined : 'dimmed'}>
                      {ownerName(asset.owner_id)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {assets.length > 0 && (
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            Showing {assets.length} · <Kbd size="xs">j</Kbd>/<Kbd size="xs">k</Kbd> to move, <Kbd size="xs">Enter</Kbd> to open{canWrite ? ', ' : ''}
            {canWrite && (
              <>
                <Kbd size="xs">n</Kbd> new asset
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
      <NewAssetDialog opened={creating} onClose={createDialog.close} />
    </Stack>
  );
}
