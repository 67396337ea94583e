import { readJson } from '../../store/dialect.js';
import type { AssetRow } from '../../store/schema.js';

/** An asset as services hand it out: typed, JSON parsed. */
export interface AssetRecord {
  id: string;
  name: string;
  kind: string;
  description: string;
  owner_id: string | null;
  criticality: string;
  data_classifications: string[];
  jurisdictions: string[];
  tags: string[];
  retired_at: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  version: number;
}

export function toAssetRecord(row: AssetRow): AssetRecord {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    description: row.description,
    owner_id: row.owner_id,
    criticality: row.criticality,
    data_classifications: readJson<string[]>(row.data_classifications),
    jurisdictions: readJson<string[]>(row.jurisdictions),
    tags: readJson<string[]>(row.tags),
    retired_at: row.retired_at,
    created_at: row.created_at,
    created_by: row.created_by,
    updated_at: row.updated_at,
    updated_by: row.updated_by,
    version: Number(row.version),
  };
}
