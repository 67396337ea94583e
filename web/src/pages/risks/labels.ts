/** Words for the register's ids: "data_breach" → "Data breach". */
export function humanise(id: string | null | undefined): string {
  if (!id) return '—';
  const text = id.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** True when an instant lies in the past. */
export function isPast(iso: string | null | undefined, now: number = Date.now()): boolean {
  if (!iso) return false;
  const t = new Date(iso).getTime();
  return Number.isFinite(t) && t < now;
}
