import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { downloadHref } from '../incident/evidence/evidenceFormat';
import { evidenceKeys } from '../incident/evidence/queries';
import type { Evidence } from '../incident/evidence/types';

/** Downloads the file (recorded in the custody log); a malware sample only inside an encrypted ZIP, said first. */
export function DownloadButton({ item }: { item: Evidence }) {
  const client = useQueryClient();
  const [asking, setAsking] = useState(false);
  const malware = item.kind === 'malware_sample';
  // The download is written to the custody log by the server; show it once the browser has asked.
  const recorded = () => window.setTimeout(() => void client.invalidateQueries({ queryKey: evidenceKeys.custody(item.id) }), 1500);
  const link = (
    <Button component="a" href={downloadHref(item)} download size="xs" leftSection={<IconDownload size={14} aria-hidden />} onClick={() => { setAsking(false); recorded(); }}>
      {malware ? 'Download ZIP' : 'Download'}
    </Button>
  );
  if (!malware) return link;
  return (
    <>
      <Button size="xs" leftSection={<IconDownload size={14} aria-hidden />} onClick={() => setAsking(true)}>Download</Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title="Download a malware sample" closeButtonProps={{ 'aria-label': 'Dismiss dialog' }}>
        <Stack gap="sm">
          <Text size="sm">This downloads a ZIP encrypted with the password “infected” (or the one your administrator set), so the sample is not run or quarantined by accident. Open it only in an analysis environment.</Text>
          <Text size="sm">The download is recorded in the custody log under your name.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>Cancel</Button>
            {link}
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
