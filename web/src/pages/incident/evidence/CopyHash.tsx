import { ActionIcon, Code, CopyButton, Group, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { shortHash } from './evidenceFormat';

/** A hash shown (shortened or whole) with a button that copies all of it. */
export function CopyHash({ value, label, full = false }: { value: string | null; label: string; full?: boolean }) {
  if (!value) return <Code>—</Code>;
  return (
    <Group gap={4} wrap="nowrap">
      <Code title={value} aria-label={label} style={{ wordBreak: 'break-all' }}>
        {full ? value : shortHash(value)}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy'} withArrow>
            <ActionIcon size="sm" variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={`Copy ${label}`}>
              {copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
