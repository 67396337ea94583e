import { CloseButton, Kbd, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useShortcut } from '../../keyboard/useShortcut';

/** Full-text search over number, title, summary and tags; `/` focuses it, typing updates the URL. */
export function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  // The URL can change under us (header search, back button): follow it.
  if (value !== shown) {
    setShown(value);
    setText(value);
  }
  const commit = useDebouncedCallback((q: string) => onSearch(q), 300);
  useShortcut('/', () => input.current?.focus());

  return (
    <TextInput
      ref={input}
      aria-label="Search incidents"
      placeholder="Search number, title, summary, tags…"
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        commit(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onSearch(text);
        if (e.key === 'Escape') e.currentTarget.blur();
      }}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={
        text ? (
          <CloseButton
            size="sm"
            aria-label="Clear search"
            onClick={() => {
              setText('');
              onSearch('');
            }}
          />
        ) : (
          <Kbd size="xs">/</Kbd>
        )
      }
      style={{ flex: 1, minWidth: 220 }}
    />
  );
}
