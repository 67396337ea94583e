/**
 * A rule's conditions as rows of the form (field, operator, value), and back. The API has one key
 * per field and one way to compare each, so every field appears at most once and its operator
 * follows from it: every row must hold (AND), any value of a row may match (OR).
 */
export interface RuleConditions {
  source?: string[];
  type?: string[];
  severity?: number[];
  tags?: string[];
  title_contains?: string;
  observable_types?: string[];
}
type RuleKind = 'fingerprint' | 'snooze' | 'correlate' | 'attach';

export type ConditionField = keyof RuleConditions;

export interface ConditionRow {
  /** Stable React key; not sent. */
  key: number;
  field: ConditionField;
  /** One entry for "title contains"; severities as '1'…'4'. */
  values: string[];
}

export const SEVERITY_OPTIONS = [{ value: '1', label: '1 critical' }, { value: '2', label: '2 high' }, { value: '3', label: '3 medium' }, { value: '4', label: '4 low' }];

/** The fields the API accepts, in the order the editor offers them, with the one operator each has. */
export const CONDITION_FIELDS: ReadonlyArray<{ field: ConditionField; label: string; operator: string; input: 'free' | 'choice' | 'text'; placeholder: string }> = [
  { field: 'source', label: 'Source', operator: 'is one of', input: 'free', placeholder: 'splunk-prod' },
  { field: 'type', label: 'Type', operator: 'is one of', input: 'free', placeholder: 'edr' },
  { field: 'severity', label: 'Severity', operator: 'is one of', input: 'choice', placeholder: 'critical, high…' },
  { field: 'tags', label: 'Tags', operator: 'include any of', input: 'free', placeholder: 'phishing' },
  { field: 'title_contains', label: 'Title', operator: 'contains', input: 'text', placeholder: 'port scan' },
  { field: 'observable_types', label: 'Observables', operator: 'include a type of', input: 'choice', placeholder: 'IP address…' },
];

export const conditionField = (field: ConditionField) => CONDITION_FIELDS.find((f) => f.field === field)!;

/** Limits the API sets (src/api/routes/alert-rules/schema.ts). */
const MAX_VALUES = 100;
const MAX_TEXT: Record<ConditionField, number> = { source: 200, type: 200, severity: 1, tags: 64, title_contains: 300, observable_types: 40 };

let nextKey = 1;
export const newRow = (field: ConditionField, values: string[] = []): ConditionRow => ({ key: nextKey++, field, values });

/** The first field not used yet, for "Add condition". */
export function unusedField(rows: readonly ConditionRow[]): ConditionField | null {
  return CONDITION_FIELDS.find((f) => !rows.some((r) => r.field === f.field))?.field ?? null;
}

const clean = (values: readonly string[]) => values.map((v) => v.trim()).filter(Boolean);

/** Rows into the API's conditions; empty rows are left out (validation has spoken about them). */
export function rowsToConditions(rows: readonly ConditionRow[]): RuleConditions {
  const conditions: RuleConditions = {};
  for (const row of rows) {
    const values = clean(row.values);
    if (values.length === 0) continue;
    if (row.field === 'title_contains') conditions.title_contains = values[0]!;
    else if (row.field === 'severity') conditions.severity = values.map(Number);
    else conditions[row.field] = values;
  }
  return conditions;
}

/** A rule's conditions as rows, in the editor's field order. */
export function conditionsToRows(conditions: RuleConditions): ConditionRow[] {
  return CONDITION_FIELDS.flatMap(({ field }) => {
    const value = conditions[field];
    if (value === undefined) return [];
    const values = Array.isArray(value) ? value.map(String) : [value];
    return values.length ? [newRow(field, values)] : [];
  });
}

/** What is wrong with each row (by its key), and with the rows as a whole; empty when all is well. */
export function conditionProblems(kind: RuleKind, rows: readonly ConditionRow[]): { rows: Map<number, string>; overall: string | null } {
  const problems = new Map<number, string>();
  const seen = new Set<ConditionField>();
  for (const row of rows) {
    const { label } = conditionField(row.field);
    const values = clean(row.values);
    if (seen.has(row.field)) problems.set(row.key, `${label} is already a condition above; add the value there`);
    else if (values.length === 0) problems.set(row.key, row.field === 'title_contains' ? 'Type the text the title contains, or remove the row' : 'Give at least one value, or remove the row');
    else if (values.length > MAX_VALUES) problems.set(row.key, `At most ${MAX_VALUES} values`);
    else if (values.some((v) => v.length > MAX_TEXT[row.field])) problems.set(row.key, `At most ${MAX_TEXT[row.field]} characters`);
    seen.add(row.field);
  }
  const catchesAll = rows.every((r) => clean(r.values).length === 0);
  const overall = (kind === 'snooze' || kind === 'attach') && catchesAll ? `${kind === 'attach' ? 'An' : 'A'} ${kind} rule needs at least one condition, or it would catch every alert` : null;
  return { rows: problems, overall };
}
