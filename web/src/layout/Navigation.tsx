import { NavLink, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconBell, IconHome, IconLifebuoy, IconListSearch, IconServer2, IconSettings, IconShieldCheck, IconShieldHalf } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useCan, useCurrentUser } from '../auth/session';
import { LearningNav } from '../pages/learning/LearningNav';

/** Sections appear here as their capability lands (UI.md, "Where things live"). */
export function Navigation({ onNavigate }: { onNavigate?: () => void }) {
  const { pathname } = useLocation();
  const user = useCurrentUser();
  const seesAlerts = useCan('alert.read');
  const seesRisks = useCan('risk.read');
  const item = (to: string, label: string, icon: ReactNode, exact = false) => {
    const active = exact ? pathname === to : pathname === to || pathname.startsWith(`${to}/`);
    return (
      <NavLink
        component={Link}
        to={to}
        label={label}
        leftSection={icon}
        active={active}
        aria-current={active ? 'page' : undefined}
        onClick={onNavigate}
        style={{ borderRadius: 4 }}
      />
    );
  };
  return (
    <Stack gap={2} component="nav" aria-label="Main" h="100%">
      {item('/', 'Home', <IconHome size={18} aria-hidden />, true)}
      {seesAlerts && item('/alerts', 'Alerts', <IconBell size={18} aria-hidden />)}
      {item('/incidents', 'Incidents', <IconAlertTriangle size={18} aria-hidden />)}
      {seesRisks && item('/risks', 'Risks', <IconShieldHalf size={18} aria-hidden />)}
      {seesRisks && item('/controls', 'Controls', <IconShieldCheck size={18} aria-hidden />)}
      {seesRisks && item('/assets', 'Assets', <IconServer2 size={18} aria-hidden />)}
      {item('/preparedness', 'Preparedness', <IconLifebuoy size={18} aria-hidden />)}
      <LearningNav onNavigate={onNavigate} />
      {user.role === 'admin' && item('/admin', 'Admin', <IconSettings size={18} aria-hidden />)}
      {user.role === 'auditor' && item('/admin/audit', 'Audit log', <IconListSearch size={18} aria-hidden />)}
      <Text size="xs" c="dimmed" mt="auto" px="xs" pb={4}>
        Press ? for shortcuts · Ctrl K for commands
      </Text>
    </Stack>
  );
}
