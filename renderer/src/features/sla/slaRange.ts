import type { SlaFilter, SlaGroupBy } from '../../graphql/generated';

export type RangePreset = 'today' | '7d' | '30d' | 'custom';
export const RANGE_PRESETS: readonly RangePreset[] = ['today', '7d', '30d', 'custom'];

/** Custom bounds are calendar days (yyyy-mm-dd, local time), both included. */
export interface SlaRange {
  preset: RangePreset;
  fromDay?: string;
  toDay?: string;
}

export interface SlaFilters {
  team: string | null;
  channel: string | null;
  priority: string | null;
}
export const NO_FILTERS: SlaFilters = { team: null, channel: null, priority: null };

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS: Record<Exclude<RangePreset, 'custom'>, number> = { today: 1, '7d': 7, '30d': 30 };

function startOfDay(d: Date, plusDays = 0): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + plusDays);
}

function parseDay(day: string | undefined): Date | null {
  const m = day ? DAY_RE.exec(day) : null;
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Rejects 2026-02-31 and the like, which Date would roll over silently.
  return d.getDate() === Number(m[3]) && d.getMonth() === Number(m[2]) - 1 ? d : null;
}

export const dayString = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/**
 * [from, to) in local calendar days. Presets end at the start of tomorrow rather than "now", so
 * the bounds stay the same all day: tickets opened a second ago are in, and repeated refreshes
 * ask the same question. null: a custom range that is incomplete or inverted.
 */
export function rangeBounds(range: SlaRange, now: Date): { from: Date; to: Date } | null {
  if (range.preset !== 'custom') return { from: startOfDay(now, 1 - DAYS[range.preset]), to: startOfDay(now, 1) };
  const from = parseDay(range.fromDay);
  const to = parseDay(range.toDay);
  if (!from || !to || from > to) return null;
  return { from, to: startOfDay(to, 1) };
}

/** One day reads best by hour; longer ranges by day. */
export function trendGroupBy(range: SlaRange, now: Date): SlaGroupBy {
  const b = rangeBounds(range, now);
  return b && b.to.getTime() - b.from.getTime() <= 26 * 3600_000 ? 'HOUR' : 'DAY';
}

/** The filter every dashboard query and drill-down shares; null while the range is not valid. */
export function toSlaFilter(range: SlaRange, filters: SlaFilters, now: Date, agentId?: string): SlaFilter | null {
  const b = rangeBounds(range, now);
  if (!b) return null;
  return {
    from: b.from.toISOString(),
    to: b.to.toISOString(),
    ...(filters.team ? { team: filters.team } : {}),
    ...(filters.channel ? { channel: filters.channel } : {}),
    ...(filters.priority ? { priority: filters.priority } : {}),
    ...(agentId ? { agentId } : {}),
  };
}
