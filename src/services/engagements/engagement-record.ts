import type { EngagementStatus } from '../../domain/engagements.js';
import type { ThirdPartyKind } from '../../domain/plan.js';
import { readBool } from '../../store/dialect.js';
import type { ThirdPartyEngagementRow } from '../../store/schema.js';

/** An engagement as services hand it out: typed, the privilege flag a boolean. */
export interface EngagementRecord {
  id: string;
  organisation_id: string;
  incident_id: string;
  /** The plan's third party it was made from; null when typed by hand. */
  party_id: string | null;
  kind: ThirdPartyKind;
  name: string;
  contact: string;
  contract_reference: string;
  privileged: boolean;
  engaged_at: string;
  status: EngagementStatus;
  notes: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  version: number;
}

export function toEngagementRecord(row: ThirdPartyEngagementRow): EngagementRecord {
  return {
    ...row,
    kind: row.kind as ThirdPartyKind,
    privileged: readBool(row.privileged),
    status: row.status as EngagementStatus,
    version: Number(row.version),
  };
}
