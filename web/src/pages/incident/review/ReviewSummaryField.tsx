import { Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Markdown } from '../../../components/Markdown';

/** The review's summary in markdown, written with a preview, like the incident's own summary. */
export function ReviewSummaryField({ value, onChange, readOnly }: { value: string; onChange: (next: string) => void; readOnly: boolean }) {
  const [view, setView] = useState<'write' | 'preview'>('write');
  if (readOnly) return <Markdown source={value} fallback={<Text size="sm" c="dimmed">No summary.</Text>} />;
  return (
    <Stack gap="xs">
      <SegmentedControl
        size="xs"
        w="fit-content"
        value={view}
        onChange={(v) => setView(v as 'write' | 'preview')}
        data={[{ value: 'write', label: 'Write' }, { value: 'preview', label: 'Preview' }]}
        aria-label="Review summary view"
      />
      {view === 'write' ? (
        <Textarea
          label="Review summary"
          description="What happened, why, and what it cost, for someone who was not there. Markdown works."
          autosize
          minRows={5}
          maxRows={24}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      ) : (
        <Paper withBorder p="sm" mih={100} aria-label="Review summary preview">
          <Markdown source={value} fallback={<Text size="sm" c="dimmed">Nothing to preview.</Text>} />
        </Paper>
      )}
    </Stack>
  );
}
