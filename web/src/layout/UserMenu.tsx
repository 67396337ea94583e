import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUser } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useCurrentUser, useSession } from '../auth/session';

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return (words.length > 1 ? `${words[0]![0]}${words[words.length - 1]![0]}` : name.slice(0, 2)).toUpperCase();
}

export function UserMenu() {
  const user = useCurrentUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const signOut = async () => {
    await logout();
    await navigate('/login');
  };
  return (
    <Menu position="bottom-end" width={220} withArrow>
      <Menu.Target>
        <UnstyledButton aria-label={`User menu: ${user.name || user.email}`} px={6} py={4} style={{ borderRadius: 4 }}>
          <Group gap={6} wrap="nowrap">
            <Avatar size={26} radius="xl" color="blue">
              {initials(user.name || user.email)}
            </Avatar>
            <Text size="sm" visibleFrom="md" maw={160} truncate>
              {user.name || user.email}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Item component={Link} to="/profile" leftSection={<IconUser size={16} aria-hidden />}>
          Profile
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void signOut()}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
