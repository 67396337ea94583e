import { Box, Button, Center, Group, Kbd, Loader, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { IconChevronDown, IconDownload, IconPlus, IconUpload } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../auth/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useListSelection } from '../../keyboard/useListSelection';
import { useShortcut } from '../../keyboard/useShortcut';
import { HeatMap } from './HeatMap';
import { NoRisks } from './NoRisks';
import { useHeatMap, useRiskAppetite, useRiskList, useRiskMatrix } from './queries';
import { hasRiskFilters, riskQuery, useRiskFilters } from './riskFilters';
import { RiskFilterBar } from './RiskFilterBar';
import { RiskNav } from './RiskNav';
import { RiskTable } from './RiskTable';

/** /risks: the register with its heat map; every filter lives in the URL. */
export function RiskRegisterPage() {
  const navigate = useNavigate();
  const canWrite = useCan('risk.write');
  const { filters, update, clear } = useRiskFilters();
  const matrix = useRiskMatrix();
  const appetite = useRiskAppetite();
  const heatMap = useHeatMap(filters.basis);
  const { risks, pages } = useRiskList(riskQuery(filters));
  const selection = useListSelection('risks', risks.length, (index) => {
    const risk = risks[index];
    if (risk) void navigate(`/risks/${risk.id}`);
  });
  useShortcut('n', () => void navigate('/risks/new'), { enabled: canWrite });
  const empty = !pages.isPending && risks.length === 0 && !pages.isError;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">
          Risks
        </Title>
        <Group gap="xs">
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />}>
                Export
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item component="a" href="/api/v1/risks/export?format=csv" download>
                CSV (spreadsheet)
              </Menu.Item>
              <Menu.Item component="a" href="/api/v1/risks/export?format=json" download>
                JSON
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
          {canWrite && (
            <Button component={Link} to="/risks/import" variant="default" leftSection={<IconUpload size={16} aria-hidden />}>
              Import
            </Button>
          )}
          {canWrite && (
            <Button component={Link} to="/risks/new" leftSection={<IconPlus size={16} aria-hidden />}>
              New risk
            </Button>
          )}
        </Group>
      </Group>
      <RiskNav />
      <Box style={{ display: 'flex', gap: 'var(--mantine-spacing-md)', alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <Stack gap="sm" style={{ flex: '1 1 640px', minWidth: 0 }}>
          <RiskFilterBar filters={filters} matrix={matrix.data} update={update} clear={clear} />
          {pages.isError && <ProblemAlert error={pages.error} title="The register could not be loaded" onRetry={() => void pages.refetch()} />}
          {pages.isPending ? (
            <Center py="xl">
              <Group gap="sm">
                <Loader size="sm" />
                <Text c="dimmed">Loading risks…</Text>
              </Group>
            </Center>
          ) : empty ? (
            <NoRisks filtered={hasRiskFilters(filters)} canWrite={canWrite} onClear={clear} />
          ) : (
            risks.length > 0 && (
              <Paper withBorder radius="sm" style={{ opacity: pages.isPlaceholderData ? 0.6 : 1 }}>
                <RiskTable
                  risks={risks}
                  matrix={matrix.data}
                  currency={appetite.data?.currency ?? 'EUR'}
                  filters={filters}
                  onSort={(sort, direction) => update({ sort, direction })}
                  rowProps={selection.rowProps}
                />
              </Paper>
            )
          )}
          {risks.length > 0 && (
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                Showing {risks.length} · <Kbd size="xs">j</Kbd>/<Kbd size="xs">k</Kbd> to move, <Kbd size="xs">Enter</Kbd> to open
                {canWrite && (
                  <>
                    , <Kbd size="xs">n</Kbd> for a new risk
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
        </Stack>
        <Box style={{ flex: '0 1 340px', minWidth: 300 }}>
          {heatMap.isError ? (
            <ProblemAlert error={heatMap.error} title="The heat map could not be loaded" />
          ) : (
            <HeatMap data={heatMap.data} matrix={matrix.data} basis={filters.basis} onBasis={(basis) => update({ basis })} selected={filters.cell} onCell={(cell) => update({ cell })} />
          )}
        </Box>
      </Box>
    </Stack>
  );
}
