import { Tabs } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';
import { useCan } from '../../auth/session';

const SECTIONS = [
  { path: '/risks', label: 'Register' },
  { path: '/risks/dashboard', label: 'Dashboard' },
  { path: '/risks/portfolio', label: 'Portfolio' },
];

/** The Risks section's sub-navigation: register, dashboard, portfolio (and settings for those who configure). */
export function RiskNav() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const configure = useCan('risk.configure');
  const sections = configure ? [...SECTIONS, { path: '/admin/risk-settings', label: 'Matrix & appetite' }] : SECTIONS;
  const current = sections.find((s) => s.path === pathname)?.path ?? null;
  return (
    <Tabs value={current} onChange={(path) => path && void navigate(path)}>
      <Tabs.List aria-label="Risk sections">
        {sections.map((s) => (
          <Tabs.Tab key={s.path} value={s.path}>
            {s.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
