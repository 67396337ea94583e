import { Button, Group } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { EXPORT_FORMATS, exportHref } from './reviewDraft';

/** The review report for management, in the format they read. */
export function ExportButtons({ incidentId }: { incidentId: string }) {
  return (
    <Group gap="xs" role="group" aria-label="Export the review">
      {EXPORT_FORMATS.map(({ format, label }) => (
        <Button key={format} component="a" href={exportHref(incidentId, format)} download size="xs" variant="default" leftSection={<IconDownload size={14} aria-hidden />} aria-label={`Export as ${label}`}>
          {label}
        </Button>
      ))}
    </Group>
  );
}
