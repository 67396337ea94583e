import { Badge, NavLink } from '@mantine/core';
import { IconChartBar, IconChecklist, IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useCan } from '../../auth/session';
import { usePendingProposals } from './queries';

function Item({ to, label, icon, badge, onNavigate }: { to: string; label: string; icon: ReactNode; badge?: ReactNode; onNavigate?: () => void }) {
  const { pathname } = useLocation();
  const active = pathname === to || pathname.startsWith(`${to}/`);
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      leftSection={icon}
      rightSection={badge}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
      style={{ borderRadius: 4 }}
    />
  );
}

/** The closed loop's entries in the main navigation: proposals (risk owners, with the pending count), action items, metrics. */
export function LearningNav({ onNavigate }: { onNavigate?: () => void }) {
  const decides = useCan('risk.write');
  const readsIncidents = useCan('incident.read');
  const pending = usePendingProposals(decides);
  const count = pending.data?.length ?? 0;
  return (
    <>
      {decides && (
        <Item
          to="/reviews/proposals"
          label="Proposals"
          icon={<IconInbox size={18} aria-hidden />}
          onNavigate={onNavigate}
          badge={
            count > 0 ? (
              <Badge size="sm" circle={count < 10} aria-label={`${count} pending`}>
                {count}
              </Badge>
            ) : undefined
          }
        />
      )}
      {readsIncidents && <Item to="/action-items" label="Action items" icon={<IconChecklist size={18} aria-hidden />} onNavigate={onNavigate} />}
      {readsIncidents && <Item to="/metrics" label="Metrics" icon={<IconChartBar size={18} aria-hidden />} onNavigate={onNavigate} />}
    </>
  );
}
