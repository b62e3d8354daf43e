import { FlexRender, useTable, type Row } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { useCaseActions } from '../../state/caseActionsStore';
import { useTimeline } from '../../state/timelineStore';
import type { TimelineItem } from './timelineItem';
import { timelineColumns, timelineFeatures } from './timelineColumns';

export const ROW_HEIGHT = 32;
const FOOTER_HEIGHT = 44;
/** Ask for the next page when the last rendered row is this close to the end of what is loaded. */
const PREFETCH_ROWS = 80;
const LIVE_HIGHLIGHT_MS = 4000;
const noState = () => null;
const estimateSize = () => ROW_HEIGHT;

interface RowProps {
  /** This render's table row for the item; only read when the row (re)renders. */
  row: Row<typeof timelineFeatures, TimelineItem>;
  item: TimelineItem;
  index: number;
  start: number;
  live: boolean;
  /** Changes with the language: the cells translate. */
  columns: unknown;
  onTicketRow: (item: TimelineItem) => void;
}

/**
 * One timeline row. Memoized on what it shows: while scrolling, the table re-renders on every
 * frame (the virtualizer's range moves), and re-rendering all ~50 rows in view with their
 * translated cells, pills and icons cost ~10 ms a frame; now only the few rows entering the view
 * render. The TanStack row object is new on every render (the table is handed only the rows in
 * view), so it is left out of the comparison: the row's cells depend on the item and the columns.
 */
const TimelineRowView = memo(
  function TimelineRowView({ row, item, index, start, live, onTicketRow }: RowProps) {
    const isTicket = item.kind === 'TICKET';
    return (
      <tr
        className={`tl-tr tl-row kind-${item.kind.toLowerCase()}${isTicket ? ' clickable' : ''}${live ? ' row-live' : ''}${index % 2 ? ' odd' : ''}`}
        style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
        data-testid="timeline-row"
        data-event-type={item.eventType}
        data-event-time={item.eventTime}
        data-kind={item.kind}
        data-live={live ? 'true' : undefined}
        aria-rowindex={index + 1}
        tabIndex={isTicket ? 0 : undefined}
        onClick={isTicket ? () => onTicketRow(item) : undefined}
        onKeyDown={isTicket ? (e) => e.key === 'Enter' && onTicketRow(item) : undefined}
      >
        {row.getAllCells().map((cell) => (
          <td key={cell.id} className={`tl-td col-${cell.column.id}`}>
            <FlexRender cell={cell} />
          </td>
        ))}
      </tr>
    );
  },
  (a, b) => a.item === b.item && a.index === b.index && a.start === b.start && a.live === b.live && a.columns === b.columns && a.onTicketRow === b.onTicketRow,
);

interface Props {
  rows: readonly TimelineItem[];
  onTicketRow: (item: TimelineItem) => void;
}

/**
 * The virtualizer walks the whole loaded history; the table is handed only the rows in view.
 * Building TanStack Table's core row model is O(n) on every data change (measured ~150-230 ms
 * for 100k rows here), which would stall each page append deep in history. Filtering and
 * ordering happen in the API, so the table's job is columns, headers and cell rendering.
 */
export function TimelineTable({ rows, onTicketRow }: Props) {
  const { t, i18n } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { hasMore, loadingMore, moreError, loadMore } = useTimeline();

  // getItemKey must keep its identity between renders: the virtualizer memoizes its measurements
  // (one object per row, O(rows)) on it, and a new function each render rebuilt all 100k of them
  // on every scrolled frame (~15 ms a frame at 100k rows, the bench's 33 ms frames).
  const getItemKey = useCallback((i: number) => rows[i]?.key ?? i, [rows]);
  const getScrollElement = useCallback(() => scrollRef.current, []);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement, estimateSize, getItemKey, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  const visible = useMemo(() => rows.slice(first, last + 1) as TimelineItem[], [rows, first, last]);
  // Agent names for assignment rows: the list the case panel loads (once); columns rebuild when it arrives.
  const agents = useCaseActions((s) => s.agents);
  const columns = useMemo(() => {
    const names = new Map((agents ?? []).map((a) => [a.id, a.name]));
    return timelineColumns((k, v) => t(k, v ?? {}), (id) => names.get(id));
  }, [t, i18n.language, agents]);
  const table = useTable({ features: timelineFeatures, columns, data: visible, getRowId: (r) => r.key }, noState);
  const tableRows = table.getRowModel().rows;

  useEffect(() => {
    if (last >= rows.length - PREFETCH_ROWS && hasMore && !loadingMore && !moreError) void loadMore();
  }, [last, rows.length, hasMore, loadingMore, moreError, loadMore]);

  // Keep the rows under the agent's eyes still when live rows arrive above them. Only a change of
  // `rows` can move them, so only then is the DOM's scrollTop touched: reading it on every scrolled
  // frame (this effect runs when `first` changes) forced a synchronous style recalc and layout of
  // the freshly committed rows inside React's commit, ~8 ms a frame. The virtualizer's own offset
  // (from its scroll listener) says whether the agent is scrolled down, without a layout read.
  const anchor = useRef<{ key: string; index: number } | null>(null);
  const anchoredRows = useRef(rows);
  useLayoutEffect(() => {
    const prev = anchor.current;
    if (anchoredRows.current !== rows) {
      anchoredRows.current = rows;
      const el = scrollRef.current;
      if (el && prev && (virtualizer.scrollOffset ?? 0) > ROW_HEIGHT) {
        const now = rows[prev.index]?.key === prev.key ? prev.index : rows.findIndex((r) => r.key === prev.key);
        if (now > prev.index) el.scrollTop += (now - prev.index) * ROW_HEIGHT;
      }
    }
    const top = rows[first];
    anchor.current = top ? { key: top.key, index: first } : null;
  }, [rows, first, virtualizer]);

  // One handler for every row, so a row's props stay equal while it stays in view.
  const onTicketRowRef = useRef(onTicketRow);
  onTicketRowRef.current = onTicketRow;
  const openTicket = useCallback((item: TimelineItem) => onTicketRowRef.current(item), []);

  const total = virtualizer.getTotalSize();
  const now = Date.now();
  return (
    <div className="tl-scroll" ref={scrollRef} data-testid="timeline-scroll">
      <table className="tl-table" role="grid" aria-rowcount={rows.length}>
        <thead className="tl-head">
          {table.getHeaderGroups().map((g) => (
            <tr key={g.id} className="tl-tr">
              {g.headers.map((h) => (
                <th key={h.id} className={`tl-th col-${h.column.id}`}>
                  {h.isPlaceholder ? null : <table.FlexRender header={h} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="tl-body" style={{ height: total + FOOTER_HEIGHT }}>
          {items.map((vi, i) => {
            const row = tableRows[i];
            const item = rows[vi.index];
            if (!row || !item) return null;
            const live = item.liveAt !== undefined && now - item.liveAt < LIVE_HIGHLIGHT_MS;
            return <TimelineRowView key={item.key} row={row} item={item} index={vi.index} start={vi.start} live={live} columns={columns} onTicketRow={openTicket} />;
          })}
          <tr className="tl-footer" style={{ transform: `translateY(${total}px)`, height: FOOTER_HEIGHT }}>
            <td>
              {moreError ? (
                <span className="tl-more-error">
                  {t('timeline.moreFailed')} <ErrorState error={moreError} onRetry={() => void loadMore()} compact />
                </span>
              ) : loadingMore || hasMore ? (
                <span className="muted" data-testid="timeline-loading-more">
                  {/* Animated only while a page is on its way: a spinner always running below the rows (whenever more history remains) cost a style recalc and a repaint on every frame. */}
                  {loadingMore ? <span className="spinner" aria-hidden="true" /> : null} {t('timeline.loadingMore')}
                </span>
              ) : (
                <span className="muted" data-testid="timeline-end">
                  {t('timeline.end')}
                </span>
              )}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
