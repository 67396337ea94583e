import { Paper, Tabs, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Markdown } from '../../components/Markdown';

/** Markdown summary with a preview tab (rendered sanitised, as it will appear on the incident). */
export function SummaryField({ value, onChange, error }: { value: string; onChange: (value: string) => void; error?: string }) {
  const [tab, setTab] = useState<string | null>('write');
  return (
    <div>
      <Tabs value={tab} onChange={setTab} variant="outline" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="write">Write</Tabs.Tab>
          <Tabs.Tab value="preview">Preview</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="write" pt="xs">
          <Textarea
            label="Summary"
            description="What is known so far: what happened, what is affected, what was done. Markdown works."
            autosize
            minRows={6}
            maxRows={20}
            value={value}
            onChange={(e) => onChange(e.currentTarget.value)}
            error={error}
          />
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="xs">
          <Paper withBorder p="sm" mih={150} radius="sm">
            <Markdown source={value} fallback={<Text c="dimmed" size="sm">Nothing to preview yet.</Text>} />
          </Paper>
        </Tabs.Panel>
      </Tabs>
    </div>
  );
}
