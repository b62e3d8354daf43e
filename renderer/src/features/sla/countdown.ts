/** Unit words come from the translations, so "3 min" reads "3 phút" in Vietnamese. */
export interface SpanUnits {
  d: string;
  h: string;
  m: string;
  s: string;
}

/**
 * A duration in at most two units, largest first ("2 h 05 min", "3 min", "45 s"). Seconds show
 * only under a minute: a supervisor scanning a queue reads minutes, and a countdown that
 * changes its last digit every second in every row is noise beyond the first minute.
 */
export function formatSpan(totalSeconds: number, u: SpanUnits): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  if (s < 60) return `${s} ${u.s}`;
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return h > 0 ? `${d} ${u.d} ${h} ${u.h}` : `${d} ${u.d}`;
  if (h > 0) return `${h} ${u.h} ${String(m).padStart(2, '0')} ${u.m}`;
  return `${m} ${u.m}`;
}

export type Countdown = { kind: 'none' } | { kind: 'due'; seconds: number } | { kind: 'overdue'; seconds: number };

/** Where a deadline stands at `nowMs`: due in N seconds, or overdue by N seconds. */
export function countdown(dueAt: string | null | undefined, nowMs: number): Countdown {
  if (!dueAt) return { kind: 'none' };
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return { kind: 'none' };
  const diff = Math.round((due - nowMs) / 1000);
  return diff > 0 ? { kind: 'due', seconds: diff } : { kind: 'overdue', seconds: Math.abs(diff) };
}

/**
 * Urgency, as the API orders its at-risk queue: deadlines still ahead first, soonest first; then
 * those already past, most recent first (a ticket overdue for three weeks must not bury the one
 * breaching in two minutes); tickets with no running deadline last.
 */
export function byUrgency<T extends { dueAt: string | null }>(rows: readonly T[], nowMs: number): T[] {
  const rank = (r: T): [number, number] => {
    const due = r.dueAt ? Date.parse(r.dueAt) : Number.NaN;
    if (Number.isNaN(due)) return [2, 0];
    return due > nowMs ? [0, due] : [1, -due];
  };
  return [...rows].sort((a, b) => {
    const [ga, ka] = rank(a);
    const [gb, kb] = rank(b);
    return ga - gb || ka - kb;
  });
}
