import { List, Text, Textarea } from '@mantine/core';

/** A list written one item a line (went well, went badly, lessons). */
export function LinesField({ label, description, value, onChange, readOnly }: { label: string; description: string; value: string[]; onChange: (next: string[]) => void; readOnly: boolean }) {
  if (readOnly) {
    const items = value.filter((v) => v.trim());
    return items.length ? (
      <List size="sm" spacing={2} aria-label={label}>
        {items.map((item, i) => (
          <List.Item key={i}>{item}</List.Item>
        ))}
      </List>
    ) : (
      <Text size="sm" c="dimmed">
        None.
      </Text>
    );
  }
  return <Textarea label={label} description={description} autosize minRows={3} maxRows={14} value={value.join('\n')} onChange={(e) => onChange(e.currentTarget.value.split('\n'))} />;
}
