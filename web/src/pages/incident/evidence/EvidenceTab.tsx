import type { IncidentDetail } from '../../../api/types';

/** Placeholder wired by the issue #7 groundwork; replaced by the real tab. */
export function EvidenceTab({ incident }: { incident: IncidentDetail }) {
  return <div data-incident={incident.id} />;
}
