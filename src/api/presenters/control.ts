import type { CatalogRecord } from '../../services/catalogs/catalog-record.js';
import type { ControlRecord } from '../../services/controls/control-record.js';
import type { ControlDetail } from '../../services/controls/get-control.js';
import type { RiskControlLink } from '../../services/controls/risk-control-link.js';

export const presentControl = (c: ControlRecord & { catalog_name?: string | null }) => ({
  id: c.id,
  catalog_id: c.catalog_id,
  catalog_name: c.catalog_name ?? null,
  ref: c.ref,
  title: c.title,
  description: c.description,
  family: c.family,
  parent_ref: c.parent_ref,
  position: c.position,
  implementation_status: c.implementation_status,
  owner_id: c.owner_id,
  effectiveness: c.effectiveness,
  maturity: c.maturity,
  last_tested_at: c.last_tested_at,
  next_test_at: c.next_test_at,
  evidence_notes: c.evidence_notes,
  created_at: c.created_at,
  created_by: c.created_by,
  updated_at: c.updated_at,
  updated_by: c.updated_by,
  version: c.version,
});

export const presentControlDetail = (c: ControlDetail) => ({
  ...presentControl(c),
  risks: c.risks.map((r) => ({ id: r.id, number: r.number, title: r.title, status: r.status, residual_level: r.residual_level, link_status: r.link_status, owner_id: r.link_owner_id, due_at: r.due_at, note: r.note })),
});

export const presentCatalog = ({ id, name, source, catalog_version, oscal_uuid, control_count, imported_at, imported_by }: CatalogRecord) => ({
  id, name, source, catalog_version, oscal_uuid, control_count, imported_at, imported_by,
});

export const presentRiskControl = ({ risk_id, control_id, ref, title, implementation_status, effectiveness, status, owner_id, due_at, note, created_at, created_by, updated_at, version }: RiskControlLink) => ({
  risk_id, control_id, ref, title, implementation_status, effectiveness, status, owner_id, due_at, note, created_at, created_by, updated_at, version,
});
