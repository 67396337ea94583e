import { Paper, Stack, Tabs, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useCurrentUser } from '../../auth/session';

const SECTIONS = [
  { path: '/admin/users', label: 'Users' },
  { path: '/admin/tokens', label: 'Tokens' },
  { path: '/admin/organisation-profile', label: 'Organisation profile' },
  { path: '/admin/webhooks', label: 'Webhooks' },
  { path: '/admin/attack', label: 'ATT&CK' },
  { path: '/admin/audit', label: 'Audit log' },
];

/**
 * The admin area: heading, sub-navigation and a polite refusal for people whose role does not reach
 * it (the server refuses them too; this only saves them a page of errors).
 */
export function AdminFrame({ children, allow = ['admin'] }: { children: ReactNode; allow?: string[] }) {
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  if (!allow.includes(user.role)) {
    return (
      <Paper withBorder p="xl" radius="sm" maw={560}>
        <Stack align="center" gap="xs">
          <ThemeIcon size={40} radius="xl" variant="light" color="gray" aria-hidden>
            <IconLock size={22} />
          </ThemeIcon>
          <Title order={1} size="h3">
            Administrators only
          </Title>
          <Text size="sm" c="dimmed" ta="center">
            This page is for administrators. If you need a user added, a role changed or an API token, ask one of your Bulwark
            administrators.
          </Text>
        </Stack>
      </Paper>
    );
  }
  return (
    <Stack gap="sm">
      <Title order={1} size="h2">
        {user.role === 'admin' ? 'Administration' : 'Audit log'}
      </Title>
      {user.role === 'admin' && (
        <Tabs value={SECTIONS.find((s) => pathname.startsWith(s.path))?.path ?? pathname} onChange={(path) => path && void navigate(path)} variant="default">
          <Tabs.List aria-label="Administration sections">
            {SECTIONS.map((s) => (
              <Tabs.Tab key={s.path} value={s.path}>
                {s.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      )}
      {children}
    </Stack>
  );
}
