/** Shapes of the ATT&CK endpoints (/api/v1/attack…, /api/v1/incidents/{id}/techniques). */
export interface Tactic {
  id: string;
  shortname: string;
  name: string;
  position: number;
}

export interface Technique {
  id: string;
  name: string;
  tactics: string[];
  parent_id: string | null;
  url: string | null;
  deprecated: boolean;
  revoked: boolean;
  revoked_by: string | null;
}

/** What POST /api/v1/attack/import answers, and GET /api/v1/attack keeps as last_import. */
export interface AttackImportSummary {
  source: string;
  spec_version: string;
  release: string | null;
  imported_at: string;
  tactics: number;
  techniques: number;
  sub_techniques: number;
  deprecated: number;
  revoked: number;
  retired: number;
}

export interface AttackCatalogue {
  last_import: AttackImportSummary | null;
  tactics: Tactic[];
}

export interface TaggedTechnique {
  technique_id: string;
  name: string;
  parent_id: string | null;
  tactics: string[];
  url: string | null;
  deprecated: boolean;
  revoked: boolean;
  revoked_by: string | null;
  known: boolean;
  tags: Array<{ id: string; timeline_entry_id: string | null; added_at: string; added_by: { id: string; name: string } }>;
}

export interface IncidentTechniques {
  by_tactic: Array<{ tactic: Tactic; techniques: TaggedTechnique[] }>;
  without_tactic: TaggedTechnique[];
  count: number;
}
