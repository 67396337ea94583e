import { Kbd, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useShortcut } from '../keyboard/useShortcut';
import { useObservableSearch } from '../pages/observables/useObservableSearch';

/** Finds incidents from anywhere; `/` focuses it (the incident list's own box takes `/` on that page). */
export function HeaderSearch() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  useShortcut('/', () => input.current?.focus(), { enabled: pathname !== '/incidents' });
  const openObservable = useObservableSearch();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const q = query.trim();
    setQuery('');
    input.current?.blur();
    if (q && (await openObservable(q))) return;
    void navigate(q ? `/incidents?q=${encodeURIComponent(q)}` : '/incidents');
  };

  return (
    <form role="search" onSubmit={(e) => void submit(e)} style={{ flex: 1, maxWidth: 420 }}>
      <TextInput
        ref={input}
        aria-label="Global search"
        placeholder="Search incidents, or paste an IP, domain, hash…"
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') e.currentTarget.blur();
        }}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={<Kbd size="xs">/</Kbd>}
        rightSectionPointerEvents="none"
        size="sm"
      />
    </form>
  );
}
