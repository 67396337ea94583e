import { Button, FileButton, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiProblem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { AttackImportSummary } from './types';
import { bundleFileProblem } from './bundleFile';
import { uploadJsonFile } from './uploadBundle';

/** "ATT&CK v16.1" or "STIX 2.0 bundle" when the bundle does not name its release. */
export const attackRelease = (summary: Pick<AttackImportSummary, 'release' | 'spec_version'>) => (summary.release ? `ATT&CK v${summary.release.replace(/^v/i, '')}` : `ATT&CK (STIX ${summary.spec_version} bundle)`);

/**
 * Uploads the MITRE ATT&CK Enterprise bundle (enterprise-attack.json) with a progress bar, and says
 * what it imported. Replaces the catalogue; incident tags are kept.
 */
export function AttackImport() {
  const client = useQueryClient();
  const [progress, setProgress] = useState(0);
  const upload = useMutation({
    mutationFn: (file: File) => {
      const problem = bundleFileProblem(file);
      if (problem) return Promise.reject(new ApiProblem({ title: 'Not an ATT&CK bundle', status: 400, detail: problem }));
      setProgress(0);
      return uploadJsonFile<AttackImportSummary>('/api/v1/attack/import', file, setProgress);
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['attack'] }),
  });
  const result = upload.data;
  const sending = upload.isPending && progress < 1;

  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-label="Import ATT&CK bundle">
      <Stack gap="xs">
        <Group justify="space-between" gap="sm" align="flex-start">
          <Stack gap={0} maw={560}>
            <Text fw={600} size="sm">Import ATT&amp;CK bundle</Text>
            <Text size="xs" c="dimmed">
              The Enterprise bundle, enterprise-attack.json (STIX 2.0 from mitre/cti or 2.1 from mitre-attack/attack-stix-data, up to 100 MB). It replaces
              the techniques and tactics; techniques already tagged on incidents stay tagged.
            </Text>
          </Stack>
          <FileButton onChange={(file) => file && upload.mutate(file)} accept="application/json,.json">
            {(props) => (
              <Button {...props} variant="default" size="xs" disabled={upload.isPending} leftSection={<IconUpload size={14} aria-hidden />}>
                Choose enterprise-attack.json
              </Button>
            )}
          </FileButton>
        </Group>
        {upload.isPending && (
          <Stack gap={4}>
            <Progress value={Math.round(progress * 100)} animated={!sending} striped={!sending} aria-label="Upload progress" />
            <Text size="xs" c="dimmed" aria-live="polite">
              {sending ? `Uploading… ${Math.round(progress * 100)} %` : 'Uploaded; Bulwark is reading the bundle…'}
            </Text>
          </Stack>
        )}
        {upload.isError && <ProblemAlert error={upload.error} title="The bundle was not imported" />}
        {result && !upload.isPending && (
          <Text size="sm" role="status">
            Imported {attackRelease(result)}: {result.tactics} tactics, {result.techniques} techniques and {result.sub_techniques} sub-techniques
            {result.deprecated + result.revoked > 0 && ` (${result.deprecated} deprecated, ${result.revoked} revoked, kept for history)`}
            {result.retired > 0 && `; ${result.retired} techniques of the earlier import are no longer in ATT&CK and are marked deprecated`}.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
