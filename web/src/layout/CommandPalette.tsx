import { Group, Kbd, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useCommands } from './commands';

/** Ctrl-K (⌘-K on a Mac) opens the palette from anywhere, even from inside a field. */
export function useCommandPaletteKey(open: () => void): void {
  useEffect(() => {
    const listener = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [open]);
}

export function CommandPalette({ opened, onClose, showShortcuts }: { opened: boolean; onClose: () => void; showShortcuts: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Command palette" size="md" yOffset="12vh" padding="sm">
      <PaletteBody onClose={onClose} showShortcuts={showShortcuts} />
    </Modal>
  );
}

/** Mounted only while the palette is open, so every opening starts empty. */
function PaletteBody({ onClose, showShortcuts }: { onClose: () => void; showShortcuts: () => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const commands = useCommands(query, showShortcuts);
  const selected = Math.min(active, Math.max(commands.length - 1, 0));

  const run = (index: number) => {
    const command = commands[index];
    if (!command) return;
    onClose();
    command.run();
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((selected + 1) % Math.max(commands.length, 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((selected - 1 + commands.length) % Math.max(commands.length, 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      run(selected);
    }
  };

  return (
    <>
      <TextInput
        data-autofocus
        aria-label="Command"
        placeholder="Type a command or search incidents…"
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded
        aria-controls="command-palette-list"
        aria-activedescendant={commands[selected] ? `command-${commands[selected].id}` : undefined}
      />
      <Stack gap={2} mt="xs" role="listbox" id="command-palette-list" aria-label="Commands" mah={360} style={{ overflowY: 'auto' }}>
        {commands.length === 0 && (
          <Text size="sm" c="dimmed" p="xs">
            No command matches.
          </Text>
        )}
        {commands.map((command, index) => (
          <UnstyledButton
            key={command.id}
            id={`command-${command.id}`}
            role="option"
            aria-selected={index === selected}
            tabIndex={-1}
            onMouseEnter={() => setActive(index)}
            onClick={() => run(index)}
            px="sm"
            py={6}
            style={{ borderRadius: 4, background: index === selected ? 'var(--mantine-color-default-hover)' : undefined }}
          >
            <Group gap="sm" wrap="nowrap">
              {command.icon}
              <Text size="sm">{command.label}</Text>
            </Group>
          </UnstyledButton>
        ))}
      </Stack>
      <Group gap="xs" mt="xs">
        <Text size="xs" c="dimmed">
          <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> to move, <Kbd size="xs">Enter</Kbd> to run, <Kbd size="xs">Esc</Kbd> to close
        </Text>
      </Group>
    </>
  );
}
