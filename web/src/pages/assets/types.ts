// No relative imports here: the unit tests load this file under Node's module rules.

export const ASSET_KINDS = ['business_service', 'system', 'data_store', 'person', 'supplier'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];
export const KIND_LABELS: Record<AssetKind, string> = {
  business_service: 'Business service',
  system: 'System',
  data_store: 'Data store',
  person: 'Person',
  supplier: 'Supplier',
};

export const CLASSIFICATIONS = ['personal_data', 'special_category', 'payment', 'secrets', 'confidential', 'intellectual_property', 'public'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
export const CLASSIFICATION_LABELS: Record<Classification, string> = {
  personal_data: 'Personal data',
  special_category: 'Special category (health etc.)',
  payment: 'Payment',
  secrets: 'Secrets',
  confidential: 'Confidential',
  intellectual_property: 'Intellectual property',
  public: 'Public',
};

export const kindLabel = (kind: string): string => KIND_LABELS[kind as AssetKind] ?? kind.replace(/_/g, ' ');
export const classificationLabel = (c: string): string => CLASSIFICATION_LABELS[c as Classification] ?? c.replace(/_/g, ' ');

export interface AssetRef {
  id: string;
  name: string;
  kind: string;
  criticality?: string;
  note?: string;
}

export interface Asset {
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
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

export interface AssetDetail extends Asset {
  depends_on: AssetRef[];
  dependents: AssetRef[];
  risks: Array<{ id: string; number: string; title: string; residual_level?: string; status?: string }>;
}
