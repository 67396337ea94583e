// No relative imports here: the unit tests load this file under Node's module rules.

/** An asset as the create/edit form holds it. */
export interface AssetDraft {
  name: string;
  kind: string;
  description: string;
  owner_id: string | null;
  criticality: string;
  data_classifications: string[];
  jurisdictions: string[];
  tags: string[];
}

export const EMPTY_ASSET: AssetDraft = {
  name: '',
  kind: 'system',
  description: '',
  owner_id: null,
  criticality: 'moderate',
  data_classifications: [],
  jurisdictions: [],
  tags: [],
};

export function toAssetDraft(asset: AssetDraft): AssetDraft {
  return {
    name: asset.name,
    kind: asset.kind,
    description: asset.description,
    owner_id: asset.owner_id,
    criticality: asset.criticality,
    data_classifications: [...asset.data_classifications],
    jurisdictions: [...asset.jurisdictions],
    tags: [...asset.tags],
  };
}

/** Jurisdictions as the API takes them: ISO 3166-1 alpha-2 codes or EU, upper case, once each. */
export function normaliseJurisdictions(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim().toUpperCase()).filter(Boolean))];
}

/** The entries that are not a two-letter country code or EU, to say so before sending. */
export function invalidJurisdictions(values: string[]): string[] {
  return normaliseJurisdictions(values).filter((v) => !/^[A-Z]{2}$/.test(v));
}

/** The body of POST /assets: trimmed, empty description and owner left out. */
export function createBody(draft: AssetDraft): Record<string, unknown> {
  return {
    name: draft.name.trim(),
    kind: draft.kind,
    criticality: draft.criticality,
    ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
    ...(draft.owner_id ? { owner_id: draft.owner_id } : {}),
    data_classifications: draft.data_classifications,
    jurisdictions: normaliseJurisdictions(draft.jurisdictions),
    tags: draft.tags,
  };
}

/** The body of PATCH /assets/{id}: only the fields that differ from the version editing began with. */
export function assetChanges(base: AssetDraft, draft: AssetDraft): Partial<AssetDraft> {
  const next = { ...draft, name: draft.name.trim(), description: draft.description.trim(), jurisdictions: normaliseJurisdictions(draft.jurisdictions) };
  const changes: Partial<AssetDraft> = {};
  for (const key of Object.keys(next) as Array<keyof AssetDraft>) {
    const before = key === 'description' ? base.description.trim() : base[key];
    if (JSON.stringify(before) !== JSON.stringify(next[key])) (changes as Record<string, unknown>)[key] = next[key];
  }
  return changes;
}

/** Assets a dependency may point at: not the asset itself, not one it already depends on, not retired. */
export function dependencyCandidates<A extends { id: string; retired_at?: string | null }>(all: A[], assetId: string, dependsOn: Array<{ id: string }>): A[] {
  const taken = new Set([assetId, ...dependsOn.map((d) => d.id)]);
  return all.filter((a) => !taken.has(a.id) && !a.retired_at);
}

/** The view of /assets, in the URL. */
export interface AssetFilters {
  kind: string | null;
  criticality: string | null;
  classification: string | null;
  q: string;
  /** Retired assets leave the list unless asked for. */
  retired: boolean;
}

export function readAssetFilters(params: URLSearchParams): AssetFilters {
  return {
    kind: params.get('kind') || null,
    criticality: params.get('criticality') || null,
    classification: params.get('classification') || null,
    q: params.get('q') ?? '',
    retired: params.get('retired') === 'true',
  };
}

export function writeAssetFilters(filters: AssetFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.criticality) params.set('criticality', filters.criticality);
  if (filters.classification) params.set('classification', filters.classification);
  if (filters.q) params.set('q', filters.q);
  if (filters.retired) params.set('retired', 'true');
  return params;
}
