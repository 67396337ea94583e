import { Badge, Button, FileButton, NavLink, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconBooks, IconPencilPlus, IconSparkles, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatInstant } from '../../format/time';
import { uploadJsonFile } from '../techniques/uploadBundle';
import { importedSentence, oscalFileProblem, type ImportSummary } from './oscalFile';
import { controlKeys, useCatalogs } from './queries';
import type { ControlCatalog } from './types';

type ImportAnswer = ImportSummary | ControlCatalog;
/** Import and starter answer a summary with the catalog in it; read a bare catalog too. */
const catalogOf = (answer: ImportAnswer): { id: string } => ('catalog' in answer ? answer.catalog : answer);

/**
 * The organisation's catalogs, to pick one and see its controls, with the two ways to get one: the
 * built-in NIST CSF 2.0 starter, or an OSCAL catalog uploaded with a progress bar.
 */
export function CatalogPanel({ selected, onSelect, canConfigure }: { selected: string | null; onSelect(catalog: string): void; canConfigure: boolean }) {
  const catalogs = useCatalogs();
  const client = useQueryClient();
  const [progress, setProgress] = useState(0);
  const refresh = () => client.invalidateQueries({ queryKey: controlKeys.catalogs }).then(() => client.invalidateQueries({ queryKey: ['controls'] }));

  const starter = useMutation({
    mutationFn: () => api.post<ImportAnswer>('/api/v1/control-catalogs/starter'),
    onSuccess: (answer) => {
      void refresh();
      onSelect(catalogOf(answer).id);
    },
  });
  const upload = useMutation({
    mutationFn: (file: File) => {
      const problem = oscalFileProblem(file);
      if (problem) return Promise.reject(new ApiProblem({ title: 'Not an OSCAL catalog', status: 400, detail: problem }));
      setProgress(0);
      return uploadJsonFile<ImportAnswer>('/api/v1/control-catalogs/import', file, setProgress);
    },
    onSuccess: (answer) => {
      void refresh();
      onSelect(catalogOf(answer).id);
    },
  });
  const sending = upload.isPending && progress < 1;
  const hasStarter = (catalogs.data ?? []).some((c) => c.source.startsWith('builtin:'));
  const imported = upload.data ?? null;

  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-label="Catalogs">
      <Stack gap="xs">
        <Title order={2} size="h5">
          Catalogs
        </Title>
        {catalogs.isError && <ProblemAlert error={catalogs.error} title="The catalogs could not be loaded" onRetry={() => void catalogs.refetch()} />}
        {catalogs.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            No catalog yet. Start with the NIST CSF 2.0 functions and categories, or import an OSCAL catalog such as NIST SP 800-53.
          </Text>
        )}
        <Stack gap={2} role="list" aria-label="Catalog list">
          {(catalogs.data ?? []).map((catalog) => (
            <div role="listitem" key={catalog.id}>
              <NavLink
                component="button"
                type="button"
                active={selected === catalog.id}
                aria-current={selected === catalog.id ? 'true' : undefined}
                onClick={() => onSelect(catalog.id)}
                leftSection={<IconBooks size={16} aria-hidden />}
                label={catalog.name}
                description={`${catalog.catalog_version ? `${catalog.catalog_version} · ` : ''}${catalog.control_count} controls · ${formatInstant(catalog.imported_at)}`}
                rightSection={catalog.source.startsWith('builtin:') ? <Badge size="xs" variant="light">starter</Badge> : undefined}
                style={{ borderRadius: 4 }}
              />
            </div>
          ))}
          <div role="listitem">
            <NavLink
              component="button"
              type="button"
              active={selected === 'custom'}
              aria-current={selected === 'custom' ? 'true' : undefined}
              onClick={() => onSelect('custom')}
              leftSection={<IconPencilPlus size={16} aria-hidden />}
              label="Custom controls"
              description="The organisation's own"
              style={{ borderRadius: 4 }}
            />
          </div>
        </Stack>
        {canConfigure && (
          <Stack gap="xs" mt="xs">
            {!hasStarter && (
              <Button variant="light" size="xs" h="auto" py={6} styles={{ label: { whiteSpace: 'normal' } }} leftSection={<IconSparkles size={14} aria-hidden />} loading={starter.isPending} onClick={() => starter.mutate()}>
                Install the NIST CSF 2.0 starter
              </Button>
            )}
            {starter.isError && <ProblemAlert error={starter.error} title="The starter catalog was not installed" />}
            <FileButton onChange={(file) => file && upload.mutate(file)} accept="application/json,.json">
              {(props) => (
                <Button {...props} variant="default" size="xs" disabled={upload.isPending} leftSection={<IconUpload size={14} aria-hidden />}>
                  Import an OSCAL catalog
                </Button>
              )}
            </FileButton>
            <Text size="xs" c="dimmed">
              An OSCAL catalog in JSON (for example NIST SP 800-53 Rev. 5). All or nothing: a file that is not an OSCAL catalog is refused with the reason.
            </Text>
            {upload.isPending && (
              <Stack gap={4}>
                <Progress value={Math.round(progress * 100)} animated={!sending} striped={!sending} aria-label="Upload progress" />
                <Text size="xs" c="dimmed" aria-live="polite">
                  {sending ? `Uploading… ${Math.round(progress * 100)} %` : 'Uploaded; Bulwark is reading the catalog…'}
                </Text>
              </Stack>
            )}
            {upload.isError && <ProblemAlert error={upload.error} title="The catalog was not imported" />}
            {imported && !upload.isPending && (
              <Text size="sm" role="status">
                {importedSentence(imported)}
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
