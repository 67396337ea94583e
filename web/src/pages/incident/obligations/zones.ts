/** Deadlines are read in two zones, the viewer's own and the regulator's, each named. */

/** "26 Nov 2026, 10:00 CET (Europe/Berlin)". */
export function formatInZone(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  const text = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(new Date(iso));
  return `${text} (${timeZone})`;
}

/** "2 d 03:12:09 left" or "5 h 02:11 late"; seconds shown when less than a day remains. */
export function formatCountdown(ms: number): string {
  const late = ms < 0;
  let s = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(s / 86_400);
  s -= days * 86_400;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  const clock = days > 0 ? `${days} d ${pad(h)} h ${pad(m)} min` : `${pad(h)}:${pad(m)}:${pad(sec)}`;
  return `${clock} ${late ? 'late' : 'left'}`;
}
