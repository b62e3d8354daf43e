export type Lang = 'vi' | 'en';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, kind: 'dateTime' | 'date'): Intl.DateTimeFormat {
  const key = `${lang}:${kind}`;
  let f = cache.get(key);
  if (!f) {
    // Formatters are costly to build and the timeline formats thousands of cells while scrolling.
    f = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      ...(kind === 'dateTime' ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false } : {}),
    });
    cache.set(key, f);
  }
  return f;
}

export const formatDateTime = (ms: number, lang: Lang): string => (Number.isFinite(ms) ? formatter(lang, 'dateTime').format(ms) : '—');
export const formatDate = (ms: number, lang: Lang): string => (Number.isFinite(ms) ? formatter(lang, 'date').format(ms) : '—');

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
