import { AppShell, Burger, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useCallback } from 'react';
import { Outlet } from 'react-router';
import { useShortcut } from '../keyboard/useShortcut';
import { useLiveEvents } from '../live/useLiveEvents';
import { Brand } from './Brand';
import { ColourSchemeToggle } from './ColourSchemeToggle';
import { CommandPalette, useCommandPaletteKey } from './CommandPalette';
import { HeaderSearch } from './HeaderSearch';
import { LiveStatus } from './LiveStatus';
import { Navigation } from './Navigation';
import { ShortcutsDialog } from './ShortcutsDialog';
import { ShortcutsButton } from './ShortcutsButton';
import { UserMenu } from './UserMenu';

/** Left navigation in the order of UI.md, a header with search, live status and the user, and the page. */
export function AppLayout() {
  const [navOpened, nav] = useDisclosure();
  const [shortcutsOpened, shortcuts] = useDisclosure();
  const [paletteOpened, palette] = useDisclosure();
  const live = useLiveEvents(true);
  useShortcut('?', shortcuts.open);
  const openPalette = useCallback(() => {
    shortcuts.close();
    palette.open();
  }, [palette, shortcuts]);
  useCommandPaletteKey(openPalette);

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" gap="md" wrap="nowrap" justify="space-between">
          <Group gap="xs" wrap="nowrap" w={{ base: 'auto', sm: 188 }}>
            <Burger opened={navOpened} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Brand />
          </Group>
          <HeaderSearch />
          <Group gap={6} wrap="nowrap">
            <LiveStatus status={live} />
            <ShortcutsButton onClick={shortcuts.open} />
            <ColourSchemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Navigation onNavigate={nav.close} />
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
      <ShortcutsDialog opened={shortcutsOpened} onClose={shortcuts.close} />
      <CommandPalette
        opened={paletteOpened}
        onClose={palette.close}
        showShortcuts={() => {
          palette.close();
          shortcuts.open();
        }}
      />
    </AppShell>
  );
}
