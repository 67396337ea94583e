import { Button, FileButton, Group, List, Paper, Stack, Text } from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';

interface ImportResult {
  observables: Array<{ ioc: boolean }>;
  skipped: Array<{ stix_id: string; reason: string }>;
}

/** IOCs in and out as STIX 2.1: download the incident's bundle; incident managers also import one into the incident. */
export function StixExchange({ incidentId, incidentNumber, canImport }: { incidentId: string; incidentNumber: string; canImport: boolean }) {
  const client = useQueryClient();
  const upload = useMutation({
    mutationFn: async (file: File) => {
      let bundle: unknown;
      try {
        bundle = JSON.parse(await file.text());
      } catch {
        throw new ApiProblem({ title: 'Not a STIX bundle', status: 400, detail: `${file.name} is not JSON. Choose a STIX 2.1 bundle (.json).` });
      }
      return api.post<ImportResult>(`/api/v1/stix/import?incident_id=${encodeURIComponent(incidentId)}`, bundle);
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['incident', incidentId] }),
  });
  const result = upload.data;
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-label="STIX 2.1">
      <Stack gap="xs">
        <Group justify="space-between" gap="sm">
          <Stack gap={0}>
            <Text fw={600} size="sm">Share indicators (STIX 2.1)</Text>
            <Text size="xs" c="dimmed">The incident’s observables as cyber-observable objects, its IOCs as indicators, with TLP markings.</Text>
          </Stack>
          <Group gap="xs">
            {canImport && (
              <FileButton onChange={(file) => file && upload.mutate(file)} accept="application/json,.json">
                {(props) => (
                  <Button {...props} variant="default" size="xs" loading={upload.isPending} leftSection={<IconUpload size={14} aria-hidden />}>
                    Import a STIX bundle
                  </Button>
                )}
              </FileButton>
            )}
            <Button component="a" href={`/api/v1/incidents/${encodeURIComponent(incidentId)}/export/stix`} download={`${incidentNumber}.stix.json`} variant="default" size="xs" leftSection={<IconDownload size={14} aria-hidden />}>
              Download IOCs as STIX 2.1
            </Button>
          </Group>
        </Group>
        {upload.isError && <ProblemAlert error={upload.error} title="The bundle was not imported" />}
        {result && (
          <Stack gap={4} role="status">
            <Text size="sm">
              Imported {result.observables.length} observable{result.observables.length === 1 ? '' : 's'} ({result.observables.filter((o) => o.ioc).length} IOCs) — see the Observables tab.
              {result.skipped.length > 0 && ` ${result.skipped.length} not imported:`}
            </Text>
            {result.skipped.length > 0 && (
              <List size="xs" c="dimmed" spacing={2}>
                {result.skipped.slice(0, 20).map((s) => (
                  <List.Item key={`${s.stix_id}-${s.reason}`}>
                    <Text span ff="monospace" size="xs">{s.stix_id}</Text>: {s.reason}
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
