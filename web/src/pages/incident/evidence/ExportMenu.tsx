import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { EXPORT_FORMATS, exportHref } from './evidenceFormat';

/** The manifest and the custody report, for counsel or law enforcement, in the format they read. */
export function ExportMenu({ incidentId, report, label }: { incidentId: string; report: 'manifest' | 'custody-report'; label: string }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="default" leftSection={<IconDownload size={14} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />}>
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {EXPORT_FORMATS.map(({ format, label: formatLabel }) => (
          <Menu.Item key={format} component="a" href={exportHref(incidentId, report, format)} download>
            {label} as {formatLabel}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
