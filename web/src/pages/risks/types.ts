/** Shapes of the risk register's REST API (issue #4), kept by hand like web/src/api/types.ts. */

export const RISK_STATUSES = ['identified', 'assessed', 'treating', 'accepted', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];
export const TREATMENTS = ['mitigate', 'accept', 'transfer', 'avoid'] as const;
export type Treatment = (typeof TREATMENTS)[number];
export const SUGGESTED_CATEGORIES = ['cyber_attack', 'data_breach', 'outage', 'fraud', 'insider', 'third_party', 'compliance', 'physical'];
export const LINK_STATUSES = ['planned', 'in_progress', 'done'] as const;

export interface LikelihoodLevel {
  id: string;
  name: string;
  description: string;
  annual_rate?: { min: number; max: number | null };
}
export interface ImpactLevel {
  id: string;
  name: string;
  description: string;
}
export interface RiskLevel {
  id: string;
  name: string;
  color: string;
}
export interface RiskMatrix {
  likelihood_levels: LikelihoodLevel[];
  impact_levels: ImpactLevel[];
  levels: RiskLevel[];
  table: string[][];
}

export interface TolerancePoint {
  loss: number;
  probability: number;
}
export interface RiskAppetite {
  max_level: string;
  loss_tolerance: TolerancePoint[];
  currency: string;
}

export interface Playbook {
  title: string;
  url: string;
}

export interface RiskControlLink {
  control_id: string;
  ref: string;
  title: string;
  implementation_status: string;
  effectiveness: number | null;
  status: string;
  owner_id: string | null;
  due_at: string | null;
  note: string;
}

/** A factor of a FAIR scenario: a number, a modified-PERT range, or a 90 % interval (lognormal). */
export type FairFactor = number | { min: number; most_likely: number; max: number; gamma?: number } | { low: number; high: number };

export interface FairInputs {
  iterations?: number;
  seed?: number;
  threat_event_frequency: FairFactor;
  vulnerability?: FairFactor;
  threat_capability?: FairFactor;
  resistance_strength?: FairFactor;
  primary_loss: FairFactor;
  secondary_loss_probability?: FairFactor;
  secondary_loss?: FairFactor;
}

export interface LecPoint {
  loss: number;
  probability: number;
}

export interface SimulationResult {
  mean: number;
  p10: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  probability_of_loss: number;
  lec: LecPoint[];
  iterations: number;
  seed: number;
}

export interface PortfolioContribution {
  risk_id: string;
  number?: string;
  title?: string;
  mean?: number;
  share_of_mean: number;
  contribution_to_p95?: number;
  tail_mean?: number;
  share_of_tail?: number;
  [key: string]: unknown;
}

export interface Simulation {
  id: string;
  risk_id: string | null;
  kind: string;
  status: 'running' | 'finished' | 'failed' | string;
  progress: number;
  iterations: number;
  seed: number;
  inputs?: unknown;
  result: (SimulationResult & { total?: SimulationResult; totals?: SimulationResult; contributions?: PortfolioContribution[]; risks?: PortfolioContribution[] }) | null;
  error: string | null;
  created_at: string;
  created_by: string;
  finished_at: string | null;
}

export interface Risk {
  id: string;
  number: string;
  title: string;
  description: string;
  threat: string;
  vulnerability: string;
  category: string;
  status: RiskStatus;
  owner_id: string | null;
  inherent_likelihood: string;
  inherent_impact: string;
  inherent_level: string;
  residual_likelihood: string | null;
  residual_impact: string | null;
  residual_level: string;
  treatment: Treatment | null;
  treatment_details: Record<string, unknown> | null;
  review_cadence_days: number;
  next_review_at: string;
  last_reviewed_at: string | null;
  techniques: string[];
  playbooks: Playbook[];
  tags: string[];
  fair_inputs: FairInputs | null;
  annual_loss_mean: number | null;
  annual_loss_p90: number | null;
  over_appetite: boolean;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  version: number;
}

export interface RiskDetail extends Risk {
  assets?: Array<{ id: string; name: string; kind: string }>;
  controls?: RiskControlLink[];
  residual?: { likelihood: string; impact: string; level: string; assessed: boolean };
  latest_simulation?: Simulation | null;
}

export interface HeatMap {
  basis: 'inherent' | 'residual';
  likelihood_levels: Array<{ id: string; name: string }>;
  impact_levels: Array<{ id: string; name: string }>;
  cells: Array<Array<{ level: string; count: number }>>;
}

export interface HistoryEntry {
  id: string;
  at: string;
  actor_id: string;
  actor?: { id: string; name: string } | null;
  action: string;
  changes: Record<string, { before: unknown; after: unknown }>;
  reason: string;
  source?: unknown;
  inherent_level: string;
  residual_level: string;
  annual_loss_mean: number | null;
}

export interface RiskDashboard {
  top: Risk[];
  over_appetite: Risk[];
  overdue_reviews: Risk[];
  overdue_treatments: Array<{ risk: Risk; control_id: string; due_at: string }>;
  expired_acceptances: Risk[];
  trend: Array<{ date: string; by_level: Record<string, number>; annual_loss_mean_total: number | null }>;
}

export interface Asset {
  id: string;
  name: string;
  kind: string;
  criticality?: string;
  retired_at?: string | null;
}

export interface Control {
  id: string;
  ref: string;
  title: string;
  implementation_status: string;
  effectiveness: number | null;
  catalog_id?: string | null;
}

export interface CompareResult {
  before: SimulationResult;
  after: SimulationResult;
  reduction_mean: number;
  return_on_control: number | null;
}

/** What POST /risks/import answers (dry run or not). */
export interface ImportOutcome {
  dry_run?: boolean;
  created?: number | unknown[];
  updated?: number | unknown[];
  unchanged?: number | unknown[];
  assets_created?: string[];
  items?: Array<{ row?: number; action?: string; number?: string | null; title?: string }>;
  [key: string]: unknown;
}
