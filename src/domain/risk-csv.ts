import { RISK_NUMBER_PATTERN, RISK_STATUSES, TECHNIQUE_PATTERN, TREATMENTS, type RiskStatus, type Treatment } from './risk.js';
import { MARKDOWN_MAX, TAG_MAX, TAGS_MAX, TITLE_MAX } from './incident.js';
import type { RiskMatrix } from './risk-matrix.js';

/**
 * The risk register as a table (docs/risks.md, "Import and export"): the columns an import reads,
 * the ones an export adds, and the checks of one row that need nothing but the matrix. People,
 * assets and existing risks are resolved by the import service.
 */
export const RISK_IMPORT_COLUMNS = [
  'number',
  'title',
  'description',
  'threat',
  'vulnerability',
  'category',
  'status',
  'owner',
  'assets',
  'techniques',
  'tags',
  'inherent_likelihood',
  'inherent_impact',
  'residual_likelihood',
  'residual_impact',
  'treatment',
  'treatment_details',
  'review_cadence_days',
  'next_review_at',
] as const;
export type RiskImportColumn = (typeof RISK_IMPORT_COLUMNS)[number];

/** Written by an export, ignored by an import (they are computed), so an export imports back unchanged. */
export const RISK_EXPORT_ONLY_COLUMNS = ['inherent_level', 'residual_level', 'over_appetite', 'annual_loss_mean', 'annual_loss_p90', 'last_reviewed_at', 'updated_at'] as const;
export const RISK_EXPORT_COLUMNS = [...RISK_IMPORT_COLUMNS, ...RISK_EXPORT_ONLY_COLUMNS] as const;

/** Columns a new risk cannot do without. */
export const REQUIRED_FOR_CREATE: readonly RiskImportColumn[] = ['title', 'category', 'inherent_likelihood', 'inherent_impact'];
const LIST_COLUMNS = new Set<string>(['assets', 'techniques', 'tags']);
/** In a CSV cell, list items are separated by semicolons. */
export const LIST_SEPARATOR = ';';

export interface ImportProblem {
  /** CSV: the row as a spreadsheet numbers it (the header is row 1); JSON: the item's position from 1. */
  row: number;
  column: string | null;
  message: string;
}

/** One row as checked: only the columns the file has; null clears an optional field. */
export interface RiskRowFields {
  number?: string | undefined;
  title?: string;
  description?: string;
  threat?: string;
  vulnerability?: string;
  category?: string;
  status?: RiskStatus;
  /** An e-mail address or a user id; null: no owner. */
  owner?: string | null;
  /** Asset names. */
  assets?: string[];
  techniques?: string[];
  tags?: string[];
  inherent_likelihood?: string;
  inherent_impact?: string;
  residual_likelihood?: string | null;
  residual_impact?: string | null;
  treatment?: Treatment | null;
  treatment_details?: Record<string, unknown>;
  review_cadence_days?: number;
  next_review_at?: string;
}

export interface CheckedRow {
  row: number;
  fields: RiskRowFields;
}

const list = (items: readonly string[]) => items.join(', ');

/** Problems with a CSV header: unknown or repeated columns; answers the import columns in order of appearance (null for ignored ones). */
export function checkHeader(header: readonly string[]): { columns: Array<RiskImportColumn | null>; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  const columns = header.map((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (seen.has(name)) problems.push({ row: 1, column: name, message: `column ${i + 1} repeats "${name}"` });
    seen.add(name);
    if ((RISK_IMPORT_COLUMNS as readonly string[]).includes(name)) return name as RiskImportColumn;
    if ((RISK_EXPORT_ONLY_COLUMNS as readonly string[]).includes(name)) return null;
    problems.push({ row: 1, column: raw, message: `"${raw}" is not a column of the risk register (${list(RISK_IMPORT_COLUMNS)}; ${list(RISK_EXPORT_ONLY_COLUMNS)} are read-only and ignored)` });
    return null;
  });
  return { columns, problems };
}

/**
 * Checks one row, given as cell values by column: text from a CSV (lists separated by `;`,
 * treatment_details as JSON) or typed values from a JSON item. Answers the fields, or the problems
 * with the row and column of each.
 */
export function checkRiskRow(row: number, cells: ReadonlyMap<string, unknown>, matrix: RiskMatrix): { fields: RiskRowFields; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const fields: RiskRowFields = {};
  const fail = (column: string, message: string) => problems.push({ row, column, message });
  const likelihoods = matrix.likelihood_levels.map((l) => l.id);
  const impacts = matrix.impact_levels.map((l) => l.id);

  for (const [column, value] of cells) {
    if (!(RISK_IMPORT_COLUMNS as readonly string[]).includes(column)) {
      if (!(RISK_EXPORT_ONLY_COLUMNS as readonly string[]).includes(column)) fail(column, `"${column}" is not a field of the risk register (${list(RISK_IMPORT_COLUMNS)})`);
      continue;
    }
    const name = column as RiskImportColumn;
    if (LIST_COLUMNS.has(name)) {
      const items = asList(value);
      if (items === null) {
        fail(name, `a list is expected (in CSV: items separated by "${LIST_SEPARATOR}")`);
        continue;
      }
      if (name === 'techniques') {
        const bad = items.filter((t) => !TECHNIQUE_PATTERN.test(t));
        if (bad.length) fail(name, `${bad.map((t) => `"${t}"`).join(', ')} ${bad.length === 1 ? 'is not an ATT&CK technique id' : 'are not ATT&CK technique ids'} (T1234 or T1234.001)`);
      }
      if (name === 'tags' && (items.length > TAGS_MAX || items.some((t) => t.length > TAG_MAX))) fail(name, `at most ${TAGS_MAX} tags of at most ${TAG_MAX} characters`);
      if (items.length > 200) fail(name, 'at most 200 items');
      fields[name as 'assets' | 'techniques' | 'tags'] = items;
      continue;
    }
    if (name === 'treatment_details') {
      const details = asObject(value);
      if (details === undefined) fail(name, 'a JSON object is expected, e.g. {"accepted_by": "owner@example.org", "reason": "…", "until": "2027-06-30"}');
      else fields.treatment_details = normaliseDates(details ?? {});
      continue;
    }
    if (name === 'review_cadence_days') {
      const text = asText(value)?.trim() ?? null;
      if (text === '') continue;
      const days = Number(text);
      if (!Number.isInteger(days) || days < 1 || days > 3650) fail(name, `"${text}" is not a number of days from 1 to 3650`);
      else fields.review_cadence_days = days;
      continue;
    }
    const raw = asText(value);
    if (raw === null) {
      fail(name, 'a text value is expected');
      continue;
    }
    const text = raw.trim();
    switch (name) {
      case 'number':
        if (text === '') break;
        if (!RISK_NUMBER_PATTERN.test(text)) fail(name, `"${text}" is not a risk number (RISK-0001); leave it empty to create a risk`);
        else fields.number = text.toUpperCase();
        break;
      case 'title':
      case 'category': {
        const max = name === 'title' ? TITLE_MAX : 64;
        if (text === '') fail(name, 'is required');
        else if (text.length > max) fail(name, `at most ${max} characters`);
        else fields[name] = text;
        break;
      }
      case 'description':
      case 'threat':
      case 'vulnerability':
        // Free text is kept as written, line breaks and all.
        if (raw.length > MARKDOWN_MAX) fail(name, `at most ${MARKDOWN_MAX} characters`);
        else fields[name] = raw;
        break;
      case 'status':
        if (text === '') break;
        if (!(RISK_STATUSES as readonly string[]).includes(text)) fail(name, `"${text}" is not a status (${list(RISK_STATUSES)})`);
        else fields.status = text as RiskStatus;
        break;
      case 'owner':
        fields.owner = text === '' ? null : text;
        break;
      case 'inherent_likelihood':
      case 'residual_likelihood':
      case 'inherent_impact':
      case 'residual_impact': {
        const impact = name.endsWith('impact');
        const allowed = impact ? impacts : likelihoods;
        if (text === '') {
          if (name.startsWith('inherent')) fail(name, 'is required');
          else fields[name as 'residual_likelihood' | 'residual_impact'] = null;
        } else if (!allowed.includes(text)) fail(name, `"${text}" is not ${impact ? 'an impact' : 'a likelihood'} level (${list(allowed)})`);
        else fields[name] = text;
        break;
      }
      case 'treatment':
        if (text === '') fields.treatment = null;
        else if (!(TREATMENTS as readonly string[]).includes(text)) fail(name, `"${text}" is not a treatment (${list(TREATMENTS)}, or empty for none)`);
        else fields.treatment = text as Treatment;
        break;
      case 'next_review_at': {
        if (text === '') break;
        const instant = toInstantOrNull(text);
        if (!instant) fail(name, `"${text}" is not a date (YYYY-MM-DD) or an ISO 8601 instant`);
        else fields.next_review_at = instant;
        break;
      }
    }
  }
  if ((fields.residual_likelihood === null) !== (fields.residual_impact === null) && cells.has('residual_likelihood') && cells.has('residual_impact')) {
    fail('residual_likelihood', 'residual likelihood and impact are set together, or both left empty (derived from the controls)');
  }
  if (fields.number === undefined) {
    for (const column of REQUIRED_FOR_CREATE) if (!cells.has(column)) fail(column, 'is required for a new risk (the row has no number)');
  }
  return { fields, problems };
}

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function asList(value: unknown): string[] | null {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return value.split(LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.map((s: string) => s.trim()).filter(Boolean);
  return null;
}

/** An object, null for an empty cell, undefined when it is not one. */
function asObject(value: unknown): Record<string, unknown> | null | undefined {
  if (value === null || value === undefined || value === '') return null;
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
}

/** Dates in treatment details (an acceptance's `until`, `accepted_at`) as instants, like the API stores them. */
function normaliseDates(details: Record<string, unknown>): Record<string, unknown> {
  const out = { ...details };
  for (const key of ['until', 'accepted_at']) {
    const value = out[key];
    if (typeof value === 'string') out[key] = toInstantOrNull(value.trim()) ?? value;
  }
  return out;
}

/** A date (midnight UTC) or an instant, as an ISO instant; null when it is neither. */
export function toInstantOrNull(text: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return null;
  // A calendar date that exists (no 31 February rolling over into March).
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  if (new Date(Date.UTC(y, m - 1, d)).getUTCDate() !== d || m < 1 || m > 12) return null;
  const ms = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text.replace(' ', 'T'));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The sentence an import error is shown with: `row 7, column inherent_likelihood: "medium" is not…`. */
export function describeProblem(p: ImportProblem): string {
  return `row ${p.row}${p.column ? `, column ${p.column}` : ''}: ${p.message}`;
}
