import type { IncidentDetail } from '../../../api/types';

/** Placeholder wired by the issue #6 groundwork; replaced by the real tab. */
export function ReportsTab({ incident }: { incident: IncidentDetail }) {
  return <div data-incident={incident.id} />;
}
