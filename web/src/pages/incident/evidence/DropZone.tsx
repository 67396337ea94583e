import { Button, Paper, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';

/**
 * Files dropped here or picked with the button (or Enter/Space on the zone). Only File handles are
 * passed on: nothing is read into memory.
 */
export function DropZone({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (list: FileList | null) => {
    const files = list ? Array.from(list) : [];
    if (files.length > 0) onFiles(files);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) take(event.dataTransfer.files);
  };
  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
    setOver(true);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      input.current?.click();
    }
  };
  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      role="region"
      aria-label="Drop evidence files here"
      tabIndex={0}
      onDrop={onDrop}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onKeyDown={onKeyDown}
      style={{ borderStyle: 'dashed', borderWidth: 2, background: over ? 'var(--mantine-color-blue-light)' : undefined, textAlign: 'center' }}
    >
      <Stack gap="xs" align="center">
        <IconUpload size={28} aria-hidden />
        <Text size="sm">Drag files here, or</Text>
        <Button size="xs" variant="default" onClick={() => input.current?.click()} disabled={disabled}>
          Choose files…
        </Button>
        <Text size="xs" c="dimmed">
          Files stream straight to the server, which computes SHA-256, SHA-1 and MD5 as they arrive. Large disk images are fine.
        </Text>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          aria-label="Evidence files"
          onChange={(event) => {
            take(event.currentTarget.files);
            event.currentTarget.value = '';
          }}
        />
      </Stack>
    </Paper>
  );
}
