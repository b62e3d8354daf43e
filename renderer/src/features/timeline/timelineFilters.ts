import { TIMELINE_KINDS, type TimelineKind } from '../../../../common/eventTypes';
import { fromDateInput } from '../../format/time';
import type { TimelineQueryVariables } from '../../graphql/generated';
import type { TimelineItem } from './timelineItem';

export const RANGE_PRESETS = ['24h', '7d', '30d', 'all'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

const PRESET_MS: Record<Exclude<RangePreset, 'all'>, number> = { '24h': 24 * 3600_000, '7d': 7 * 24 * 3600_000, '30d': 30 * 24 * 3600_000 };

export interface TimelineFilters {
  /** Selected kinds; empty means every kind. */
  kinds: TimelineKind[];
  /** A preset, or 'custom' when the agent typed dates. */
  preset: RangePreset | 'custom';
  /** Local dates from the date inputs ("2025-03-09"), used when preset is 'custom'. */
  fromDate: string;
  toDate: string;
  /** Epoch ms the preset was applied at: "last 24h" means the 24h before this. */
  anchorMs: number;
}

export const defaultFilters = (nowMs: number): TimelineFilters => ({ kinds: [], preset: 'all', fromDate: '', toDate: '', anchorMs: nowMs });

/** The [from, to] window in epoch ms (null = open end). */
export function filterWindow(f: TimelineFilters): { fromMs: number | null; toMs: number | null } {
  if (f.preset === 'all') return { fromMs: null, toMs: null };
  if (f.preset !== 'custom') return { fromMs: f.anchorMs - PRESET_MS[f.preset], toMs: null };
  return { fromMs: fromDateInput(f.fromDate, 'start'), toMs: fromDateInput(f.toDate, 'end') };
}

/** Variables for one page of the Timeline query. */
export function timelineVariables(customerId: string, f: TimelineFilters, pageSize: number, after: string | null): TimelineQueryVariables {
  const { fromMs, toMs } = filterWindow(f);
  const kinds = f.kinds.length === 0 || f.kinds.length === TIMELINE_KINDS.length ? null : [...f.kinds].sort();
  return {
    customerId,
    first: pageSize,
    after,
    kinds,
    from: fromMs === null ? null : new Date(fromMs).toISOString(),
    to: toMs === null ? null : new Date(toMs).toISOString(),
  };
}

/** Whether a row (typically a live one) belongs in the list under these filters. */
export function matchesFilters(item: Pick<TimelineItem, 'kind' | 'eventTime'>, f: TimelineFilters): boolean {
  if (f.kinds.length > 0 && !f.kinds.includes(item.kind)) return false;
  const { fromMs, toMs } = filterWindow(f);
  if (fromMs !== null && item.eventTime < fromMs) return false;
  if (toMs !== null && item.eventTime > toMs) return false;
  return true;
}

/** A custom range where from is after to is refused before it reaches the API. */
export function invalidRange(f: TimelineFilters): boolean {
  const { fromMs, toMs } = filterWindow(f);
  return fromMs !== null && toMs !== null && fromMs > toMs;
}

export function toggleKind(kinds: readonly TimelineKind[], kind: TimelineKind): TimelineKind[] {
  return kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind];
}
