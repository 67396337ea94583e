// No relative imports here: the unit tests load this file under Node's module rules.

/** How far the organisation has put a control in place (docs/controls.md). */
export const IMPLEMENTATION_STATUSES = ['not_implemented', 'planned', 'partially_implemented', 'implemented', 'not_applicable'] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];

export const IMPLEMENTATION_LABELS: Record<ImplementationStatus, string> = {
  not_implemented: 'Not implemented',
  planned: 'Planned',
  partially_implemented: 'Partially implemented',
  implemented: 'Implemented',
  not_applicable: 'Not applicable',
};

/** Colour with a second cue: the label is always shown beside it. */
export const IMPLEMENTATION_COLORS: Record<ImplementationStatus, string> = {
  not_implemented: 'red',
  planned: 'yellow',
  partially_implemented: 'orange',
  implemented: 'teal',
  not_applicable: 'gray',
};

export const statusLabel = (status: string): string => IMPLEMENTATION_LABELS[status as ImplementationStatus] ?? status.replace(/_/g, ' ');

/** CMMI-style maturity, 1–5, as people say it. */
export const MATURITY_LABELS: Record<number, string> = { 1: 'Initial', 2: 'Managed', 3: 'Defined', 4: 'Quantitatively managed', 5: 'Optimising' };

export interface ControlCatalog {
  id: string;
  name: string;
  source: string;
  catalog_version: string | null;
  oscal_uuid: string | null;
  control_count: number;
  imported_at: string;
  imported_by: string;
}

export interface Control {
  id: string;
  catalog_id: string | null;
  ref: string;
  title: string;
  description: string;
  family: string;
  parent_ref: string | null;
  position: number;
  implementation_status: string;
  owner_id: string | null;
  effectiveness: number | null;
  maturity: number | null;
  last_tested_at: string | null;
  next_test_at: string | null;
  evidence_notes: string;
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
  /** How many risks rely on the control, when the list says. */
  risk_count?: number;
}

/** A risk relying on a control, as GET /controls/{id} lists it. */
export interface RelyingRisk {
  id: string;
  number: string;
  title: string;
  residual_level?: string;
  status?: string;
  /** The link's own state: planned, in_progress, done. */
  link_status?: string;
  due_at?: string | null;
  owner_id?: string | null;
}

export interface ControlDetail extends Control {
  risks: RelyingRisk[];
}

/** The organisation's fields of a control, the ones PATCH /controls/{id} takes. */
export interface ControlChanges {
  implementation_status?: string;
  owner_id?: string | null;
  effectiveness?: number | null;
  maturity?: number | null;
  last_tested_at?: string | null;
  next_test_at?: string | null;
  evidence_notes?: string;
}

export interface Coverage {
  risks: Array<{ id: string; number: string; title: string; residual_level: string; controls: Array<{ id: string; ref: string; title: string; effectiveness: number | null }> }>;
  controls: Array<{ id: string; ref: string; title: string; implementation_status: string; effectiveness: number | null; risk_count: number }>;
  uncovered_risks: number;
}

/** The five levels of the default matrix, for when GET /risk-matrix has not answered. */
export const DEFAULT_LEVELS: Array<{ id: string; name: string; color: string }> = [
  { id: 'very_low', name: 'Very low', color: '#2f9e44' },
  { id: 'low', name: 'Low', color: '#94d82d' },
  { id: 'moderate', name: 'Moderate', color: '#fab005' },
  { id: 'high', name: 'High', color: '#f76707' },
  { id: 'very_high', name: 'Very high', color: '#e03131' },
];
