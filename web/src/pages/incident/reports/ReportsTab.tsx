import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconEye, IconEyeOff } from '@tabler/icons-react';
import { useState } from 'react';
import type { IncidentDetail } from '../../../api/types';
import { ReportPreview } from './ReportPreview';
import { REPORT_FORMATS, REPORTS, reportHref, type ReportKind } from './reports';

/** The incident's reports for management, the regulator and the board: preview, then download in the format needed. */
export function ReportsTab({ incident }: { incident: IncidentDetail }) {
  const [previewing, setPreviewing] = useState<ReportKind | null>(null);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Reports are built from what is recorded on this incident at the moment you open them: facts, decisions, obligations, communications, third parties and tasks. Every
        download is recorded in the audit log. Gaps are marked “to be completed”, never guessed.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        {REPORTS.map((report) => (
          <Card key={report.kind} withBorder padding="sm" component="section" aria-labelledby={`report-${report.kind}`}>
            <Stack gap="xs" h="100%">
              <Title order={4} id={`report-${report.kind}`}>{report.title}</Title>
              <Text size="sm">{report.description}</Text>
              <Group gap="xs" mt="auto" role="group" aria-label={`Download the ${report.title}`}>
                {REPORT_FORMATS.map(({ format, label }) => (
                  <Button key={format} component="a" href={reportHref(incident.id, report.kind, format)} download size="xs" variant="default" leftSection={<IconDownload size={14} aria-hidden />} aria-label={`Download the ${report.title} as ${label}`}>
                    {label}
                  </Button>
                ))}
              </Group>
              <Button
                size="xs"
                variant="subtle"
                leftSection={previewing === report.kind ? <IconEyeOff size={14} aria-hidden /> : <IconEye size={14} aria-hidden />}
                onClick={() => setPreviewing(previewing === report.kind ? null : report.kind)}
                aria-pressed={previewing === report.kind}
                aria-label={`Preview the ${report.title}`}
              >
                {previewing === report.kind ? 'Hide preview' : 'Preview'}
              </Button>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {previewing && <ReportPreview incidentId={incident.id} report={REPORTS.find((r) => r.kind === previewing)!} />}
    </Stack>
  );
}
