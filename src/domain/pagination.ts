/**
 * The one pagination shape: `?limit=&cursor=` in, `{ items, next_cursor }` out. A cursor is an opaque
 * base64url token holding the sort value and id of the last item returned (keyset pagination), so
 * pages stay stable while new items arrive.
 */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface CursorPosition {
  value: string | number | null;
  id: string;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.value, position.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [value, id] = parsed as [unknown, unknown];
    if (typeof id !== 'string' || !(value === null || typeof value === 'string' || typeof value === 'number')) return null;
    return { value, id };
  } catch {
    return null;
  }
}
