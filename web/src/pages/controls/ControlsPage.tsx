import { Button, Center, Checkbox, CloseButton, Grid, Group, Loader, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChartBar, IconPlus, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useCan } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { AddControlDialog } from './AddControlDialog';
import { CatalogPanel } from './CatalogPanel';
import { ControlTree } from './ControlTree';
import { hasControlFilters, readControlFilters, testDue, writeControlFilters, type ControlFilters } from './controlTree';
import { CONTROLS_CAP, useCatalogs, useControls } from './queries';
import { IMPLEMENTATION_LABELS, IMPLEMENTATION_STATUSES } from './types';

function useControlFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readControlFilters(params), [params]);
  const update = useCallback(
    (change: Partial<ControlFilters>) => setParams((current) => writeControlFilters({ ...readControlFilters(current), ...change }), { replace: true }),
    [setParams],
  );
  return { filters, update };
}

/** /controls: the catalogs, and the chosen catalog's controls as a tree with the organisation's state of each. */
export function ControlsPage() {
  const { filters, update } = useControlFilters();
  const catalogs = useCatalogs();
  const canConfigure = useCan('risk.configure');
  const canWrite = useCan('risk.write');
  const [adding, addDialog] = useDisclosure();
  const list = useControls(filters);
  const [q, setQ] = useState(filters.q);

  // Open the first catalog when none is chosen, so the page never starts empty when there is one.
  const first = catalogs.data?.[0]?.id;
  useEffect(() => {
    if (!filters.catalog && first) update({ catalog: first });
  }, [filters.catalog, first, update]);
  useEffect(() => {
    const timer = setTimeout(() => {
      if (q !== filters.q) update({ q });
    }, 250);
    return () => clearTimeout(timer);
  }, [q]);

  const controls = useMemo(() => {
    const all = list.data?.controls ?? [];
    return filters.overdue ? all.filter((c) => testDue(c.next_test_at) === 'overdue') : all;
  }, [list.data, filters.overdue]);
  const families = useMemo(() => [...new Set((list.data?.controls ?? []).map((c) => c.family).filter(Boolean))].sort(), [list.data]);
  const catalog = catalogs.data?.find((c) => c.id === filters.catalog);
  const heading = filters.catalog === 'custom' ? 'Custom controls' : (catalog?.name ?? 'Controls');

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1} size="h2">
          Controls
        </Title>
        <Group gap="sm">
          <Button component={Link} to="/controls/coverage" variant="default" leftSection={<IconChartBar size={16} aria-hidden />}>
            Coverage
          </Button>
          {canWrite && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={addDialog.open}>
              Add a custom control
            </Button>
          )}
        </Group>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <CatalogPanel selected={filters.catalog} onSelect={(id) => update({ catalog: id, family: null })} canConfigure={canConfigure} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack gap="sm">
            <Group gap="sm" align="flex-end" wrap="wrap">
              <Title order={2} size="h4" mr="auto">
                {heading}
              </Title>
              <TextInput
                aria-label="Search controls"
                placeholder="Search ref or title"
                leftSection={<IconSearch size={14} aria-hidden />}
                value={q}
                onChange={(e) => setQ(e.currentTarget.value)}
                rightSection={q ? <CloseButton size="sm" aria-label="Clear search" onClick={() => setQ('')} /> : undefined}
                w={220}
              />
              <NativeSelect
                aria-label="Implementation status"
                value={filters.status ?? ''}
                onChange={(e) => update({ status: e.currentTarget.value || null })}
                data={[{ value: '', label: 'Any status' }, ...IMPLEMENTATION_STATUSES.map((s) => ({ value: s, label: IMPLEMENTATION_LABELS[s] }))]}
              />
              <NativeSelect
                aria-label="Family"
                value={filters.family ?? ''}
                onChange={(e) => update({ family: e.currentTarget.value || null })}
                data={[{ value: '', label: 'Every family' }, ...[...new Set([...families, ...(filters.family ? [filters.family] : [])])].map((f) => ({ value: f, label: f }))]}
              />
              <Checkbox label="Relied on by a risk" checked={filters.reliedOn} onChange={(e) => update({ reliedOn: e.currentTarget.checked })} />
              <Checkbox label="Test overdue" checked={filters.overdue} onChange={(e) => update({ overdue: e.currentTarget.checked })} />
            </Group>
            {list.isError && <ProblemAlert error={list.error} title="The controls could not be loaded" onRetry={() => void list.refetch()} />}
            {!filters.catalog ? (
              catalogs.isPending ? (
                <Center py="xl"><Loader size="sm" aria-label="Loading catalogs" /></Center>
              ) : (
                <Text c="dimmed" py="md">Install the NIST CSF 2.0 starter or import a catalog to see controls here.</Text>
              )
            ) : list.isPending ? (
              <Center py="xl">
                <Group gap="sm">
                  <Loader size="sm" />
                  <Text c="dimmed">Loading controls…</Text>
                </Group>
              </Center>
            ) : controls.length === 0 ? (
              <Paper withBorder p="lg" radius="sm">
                <Text c="dimmed">
                  {hasControlFilters(filters)
                    ? 'No control matches these filters.'
                    : filters.catalog === 'custom'
                      ? 'No custom control yet. Add one for a safeguard no catalog names.'
                      : 'This catalog has no controls.'}
                </Text>
              </Paper>
            ) : (
              <Paper withBorder radius="sm" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
                <ControlTree controls={controls} />
              </Paper>
            )}
            {list.data?.truncated && (
              <Text size="xs" c="dimmed">
                Showing the first {CONTROLS_CAP.toLocaleString('en-GB')} controls; narrow with a filter to see the rest.
              </Text>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      <AddControlDialog opened={adding} onClose={addDialog.close} />
    </Stack>
  );
}
