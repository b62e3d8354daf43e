import type { TimelineItem } from './timelineItem';

/**
 * The loaded rows, newest first, plus an index of their keys. The index is append-only and
 * mutated in place: copying a 100k-entry Set for every page would cost more than it protects.
 * A reset (new customer or new filters) starts a fresh index.
 */
export interface RowList {
  rows: readonly TimelineItem[];
  keys: Set<string>;
}

export const emptyRows = (): RowList => ({ rows: [], keys: new Set() });

/** Appends an older page, skipping rows already shown (a live row may have come in first). */
export function appendPage(list: RowList, page: readonly TimelineItem[]): RowList {
  const fresh: TimelineItem[] = [];
  for (const item of page) {
    if (list.keys.has(item.key)) continue;
    list.keys.add(item.key);
    fresh.push(item);
  }
  if (fresh.length === 0) return list;
  return { rows: list.rows.length === 0 ? fresh : list.rows.concat(fresh), keys: list.keys };
}

/** First index whose row is older than eventTime (rows are sorted newest first). */
function insertionIndex(rows: readonly TimelineItem[], eventTime: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((rows[mid] as TimelineItem).eventTime >= eventTime) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Inserts a live row at its place by time (usually the top), ignoring duplicates by key. A row
 * older than everything loaded while more history remains is left for the page that will bring it.
 */
export function insertLive(list: RowList, item: TimelineItem, hasMore: boolean): RowList {
  if (list.keys.has(item.key)) return list;
  const at = insertionIndex(list.rows, item.eventTime);
  if (at === list.rows.length && hasMore && list.rows.length > 0) return list;
  list.keys.add(item.key);
  const rows = list.rows.slice(0, at);
  rows.push(item);
  for (let i = at; i < list.rows.length; i++) rows.push(list.rows[i] as TimelineItem);
  return { rows, keys: list.keys };
}
