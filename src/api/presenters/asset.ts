import type { AssetRecord } from '../../services/assets/asset-record.js';
import type { AssetDetail } from '../../services/assets/get-asset.js';

export const presentAsset = (a: AssetRecord) => ({
  id: a.id,
  name: a.name,
  kind: a.kind,
  description: a.description,
  owner_id: a.owner_id,
  criticality: a.criticality,
  data_classifications: a.data_classifications,
  jurisdictions: a.jurisdictions,
  tags: a.tags,
  retired_at: a.retired_at,
  created_at: a.created_at,
  created_by: a.created_by,
  updated_at: a.updated_at,
  updated_by: a.updated_by,
  version: a.version,
});

export const presentAssetDetail = (a: AssetDetail) => ({
  ...presentAsset(a),
  depends_on: a.depends_on.map(({ id, name, kind, criticality, retired_at, note }) => ({ id, name, kind, criticality, retired_at, note })),
  dependents: a.dependents.map(({ id, name, kind, criticality, retired_at, note }) => ({ id, name, kind, criticality, retired_at, note })),
  risks: a.risks.map(({ id, number, title, status, residual_level }) => ({ id, number, title, status, residual_level })),
});
