import type { ImportOutcome } from './types.js';

/** Reading an import file's format and what the import answered (no I/O; the unit tests load it). */

/** The file's format from its name or its first character. */
export function importFormat(name: string, text: string): 'csv' | 'json' {
  if (/\.json$/i.test(name)) return 'json';
  if (/\.csv$/i.test(name)) return 'csv';
  return /^\s*[[{]/.test(text) ? 'json' : 'csv';
}

const count = (v: unknown): number => (typeof v === 'number' ? v : Array.isArray(v) ? v.length : 0);

/** "3 risks would be created and 2 updated." */
export function outcomeSummary(outcome: ImportOutcome, dryRun: boolean): string {
  const unchanged = count(outcome.unchanged);
  const assets = outcome.assets_created?.length ?? 0;
  const extra = (unchanged ? ` ${unchanged} unchanged.` : '') + (assets ? ` ${assets === 1 ? '1 asset' : `${assets} assets`} ${dryRun ? 'would be' : assets === 1 ? 'was' : 'were'} created.` : '');
  return changeSummary(outcome, dryRun) + extra;
}

function changeSummary(outcome: ImportOutcome, dryRun: boolean): string {
  const created = count(outcome.created);
  const updated = count(outcome.updated);
  const verb = (n: number) => (dryRun ? 'would be' : n === 1 ? 'was' : 'were');
  const risks = (n: number) => (n === 1 ? '1 risk' : `${n} risks`);
  if (created === 0 && updated === 0) return dryRun ? 'Nothing would change.' : 'Nothing changed.';
  if (updated === 0) return `${risks(created)} ${verb(created)} created.`;
  if (created === 0) return `${risks(updated)} ${verb(updated)} updated.`;
  return `${risks(created)} ${verb(2)} created and ${updated} updated.`;
}

/** The rows listed in the outcome (created or updated), for the preview table. */
export function outcomeRows(outcome: ImportOutcome): Array<{ row?: number; action: string; number?: string | null; title?: string }> {
  if (Array.isArray(outcome.items)) return outcome.items.map((i) => ({ ...i, action: i.action ?? '' }));
  const rows: Array<{ row?: number; action: string; number?: string | null; title?: string }> = [];
  for (const action of ['created', 'updated'] as const) {
    const list = outcome[action];
    if (Array.isArray(list)) for (const item of list) rows.push({ ...(typeof item === 'object' && item !== null ? (item as object) : {}), action: action === 'created' ? 'create' : 'update' });
  }
  return rows;
}
