const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * dd/MM/yyyy HH:mm:ss in local time, the order Vietnamese agents read (vi-VN's Intl output puts
 * the time first). Built by hand: the timeline formats thousands of cells while scrolling.
 */
export function formatDateTime(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const d = new Date(ms);
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function formatDate(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const d = new Date(ms);
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** ISO text from the API (DateTime scalar) → epoch ms; NaN when absent or unreadable. */
export const isoToMs = (iso: string | null | undefined): number => (iso ? Date.parse(iso) : Number.NaN);

/** Local calendar date for an <input type="date">: "2025-03-09". */
export function toDateInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Start (or end) of the local day an <input type="date"> value names, as epoch ms; null for empty or bad input. */
export function fromDateInput(value: string, edge: 'start' | 'end'): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(d.getTime())) return null;
  if (edge === 'end') d.setHours(23, 59, 59, 999);
  return d.getTime();
}
