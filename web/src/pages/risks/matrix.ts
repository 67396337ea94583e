import type { RiskMatrix } from './types.js';

/** Reading a risk matrix in the web app: names, colours and the level of a (likelihood, impact) pair. */

/** The level id for a pair, or null when either is unknown to the matrix. */
export function levelFor(matrix: RiskMatrix, likelihood: string | null | undefined, impact: string | null | undefined): string | null {
  if (!likelihood || !impact) return null;
  const i = matrix.likelihood_levels.findIndex((l) => l.id === likelihood);
  const j = matrix.impact_levels.findIndex((l) => l.id === impact);
  if (i < 0 || j < 0) return null;
  return matrix.table[i]?.[j] ?? null;
}

export function levelName(matrix: RiskMatrix | undefined, level: string | null | undefined): string {
  if (!level) return '—';
  return matrix?.levels.find((l) => l.id === level)?.name ?? level.replace(/_/g, ' ');
}

export function levelColor(matrix: RiskMatrix | undefined, level: string | null | undefined): string {
  return matrix?.levels.find((l) => l.id === level)?.color ?? '#868e96';
}

export function levelRank(matrix: RiskMatrix | undefined, level: string | null | undefined): number {
  return matrix?.levels.findIndex((l) => l.id === level) ?? -1;
}

/** Black or white text, whichever reads better on a #rrggbb background (WCAG relative luminance). */
export function textOn(color: string): '#000' | '#fff' {
  const hex = /^#?([0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (!hex) return '#fff';
  const channel = (offset: number) => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  return luminance > 0.179 ? '#000' : '#fff';
}

/** A matrix with its table reshaped to new level lists: kept cells stay, new cells take the lowest level. */
export function reshapeTable(matrix: RiskMatrix): string[][] {
  const fallback = matrix.levels[0]?.id ?? '';
  const known = new Set(matrix.levels.map((l) => l.id));
  return matrix.likelihood_levels.map((_, i) => matrix.impact_levels.map((_, j) => {
    const cell = matrix.table[i]?.[j];
    return cell && known.has(cell) ? cell : fallback;
  }));
}

/** A short slug id from a name ("Very high" → "very_high"). */
export function slug(name: string): string {
  return name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
}
