import { IconAlertTriangle, IconBell, IconFilter, IconHome, IconKeyboard, IconList, IconLogout, IconPalette, IconPlus, IconSearch, IconShieldLock, IconUser, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useCan, useCurrentUser, useSession } from '../auth/session';
import { useCanOpenIncident } from '../pages/incidents/useCanOpenIncident';
import { useToggleColourScheme } from './ColourSchemeToggle';

export interface Command {
  id: string;
  label: string;
  icon: ReactNode;
  run(): void;
}

/** What the palette (Ctrl/⌘-K) can do for the signed-in user; a typed query also offers a search. */
export function useCommands(query: string, showShortcuts: () => void): Command[] {
  const navigate = useNavigate();
  const user = useCurrentUser();
  const { logout } = useSession();
  const toggleTheme = useToggleColourScheme();
  const canOpen = useCanOpenIncident();
  const canReadAlerts = useCan('alert.read');
  const go = (to: string) => () => void navigate(to);
  const icon = (Icon: typeof IconHome) => <Icon size={16} aria-hidden />;

  const commands: Command[] = [
    ...(canOpen ? [{ id: 'new-incident', label: 'New incident', icon: icon(IconPlus), run: go('/incidents/new') }] : []),
    ...(canReadAlerts ? [{ id: 'alerts', label: 'Go to the alert queue', icon: icon(IconBell), run: go('/alerts') }] : []),
    { id: 'incidents', label: 'Go to incidents', icon: icon(IconList), run: go('/incidents') },
    { id: 'open-incidents', label: 'Go to open incidents', icon: icon(IconAlertTriangle), run: go('/incidents?open=true') },
    { id: 'my-incidents', label: 'Go to incidents I am on', icon: icon(IconAlertTriangle), run: go('/incidents?assignee=me&open=true') },
    { id: 'home', label: 'Go to home', icon: icon(IconHome), run: go('/') },
    ...(canReadAlerts ? [{ id: 'alert-rules', label: 'Go to alert rules', icon: icon(IconFilter), run: go('/alerts/rules') }] : []),
    ...(user.role === 'admin'
      ? [
          { id: 'admin-users', label: 'Admin: users', icon: icon(IconUsers), run: go('/admin/users') },
          { id: 'admin-tokens', label: 'Admin: API tokens', icon: icon(IconShieldLock), run: go('/admin/tokens') },
          { id: 'admin-webhooks', label: 'Admin: webhooks', icon: icon(IconShieldLock), run: go('/admin/webhooks') },
          { id: 'admin-audit', label: 'Admin: audit log', icon: icon(IconShieldLock), run: go('/admin/audit') },
        ]
      : []),
    { id: 'profile', label: 'Go to profile', icon: icon(IconUser), run: go('/profile') },
    { id: 'theme', label: 'Toggle theme (dark/light)', icon: icon(IconPalette), run: toggleTheme },
    { id: 'shortcuts', label: 'Show keyboard shortcuts', icon: icon(IconKeyboard), run: showShortcuts },
    {
      id: 'sign-out',
      label: 'Sign out',
      icon: icon(IconLogout),
      run: () => void logout().then(() => navigate('/login')),
    },
  ];

  const q = query.trim().toLowerCase();
  const matching = q ? commands.filter((c) => q.split(/\s+/).every((word) => c.label.toLowerCase().includes(word))) : commands;
  if (!q) return matching;
  const search: Command = {
    id: 'search',
    label: `Search incidents for “${query.trim()}”`,
    icon: icon(IconSearch),
    run: go(`/incidents?q=${encodeURIComponent(query.trim())}`),
  };
  return [...matching, search];
}
