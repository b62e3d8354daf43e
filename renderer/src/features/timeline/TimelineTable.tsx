import { useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { useTimeline } from '../../state/timelineStore';
import type { TimelineItem } from './timelineItem';
import { timelineColumns, timelineFeatures } from './timelineColumns';

export const ROW_HEIGHT = 32;
const FOOTER_HEIGHT = 44;
/** Ask for the next page when the last rendered row is this close to the end of what is loaded. */
const PREFETCH_ROWS = 80;
const LIVE_HIGHLIGHT_MS = 4000;
const noState = () => null;

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

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  const visible = useMemo(() => rows.slice(first, last + 1) as TimelineItem[], [rows, first, last]);
  const columns = useMemo(() => timelineColumns((k, v) => t(k, v ?? {})), [t, i18n.language]);
  const table = useTable({ features: timelineFeatures, columns, data: visible, getRowId: (r) => r.key }, noState);
  const tableRows = table.getRowModel().rows;

  useEffect(() => {
    if (last >= rows.length - PREFETCH_ROWS && hasMore && !loadingMore && !moreError) void loadMore();
  }, [last, rows.length, hasMore, loadingMore, moreError, loadMore]);

  // Keep the rows under the agent's eyes still when live rows arrive above them.
  const anchor = useRef<{ key: string; index: number } | null>(null);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const prev = anchor.current;
    if (el && prev && el.scrollTop > ROW_HEIGHT) {
      const now = rows[prev.index]?.key === prev.key ? prev.index : rows.findIndex((r) => r.key === prev.key);
      if (now > prev.index) el.scrollTop += (now - prev.index) * ROW_HEIGHT;
    }
    const top = rows[first];
    anchor.current = top ? { key: top.key, index: first } : null;
  }, [rows, first]);

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
            const isTicket = item.kind === 'TICKET';
            const live = item.liveAt !== undefined && now - item.liveAt < LIVE_HIGHLIGHT_MS;
            return (
              <tr
                key={item.key}
                className={`tl-tr tl-row kind-${item.kind.toLowerCase()}${isTicket ? ' clickable' : ''}${live ? ' row-live' : ''}${vi.index % 2 ? ' odd' : ''}`}
                style={{ transform: `translateY(${vi.start}px)`, height: ROW_HEIGHT }}
                data-testid="timeline-row"
                data-event-type={item.eventType}
                data-event-time={item.eventTime}
                data-kind={item.kind}
                data-live={live ? 'true' : undefined}
                aria-rowindex={vi.index + 1}
                tabIndex={isTicket ? 0 : undefined}
                onClick={isTicket ? () => onTicketRow(item) : undefined}
                onKeyDown={isTicket ? (e) => e.key === 'Enter' && onTicketRow(item) : undefined}
              >
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={`tl-td col-${cell.column.id}`}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            );
          })}
          <tr className="tl-footer" style={{ transform: `translateY(${total}px)`, height: FOOTER_HEIGHT }}>
            <td>
              {moreError ? (
                <span className="tl-more-error">
                  {t('timeline.moreFailed')} <ErrorState error={moreError} onRetry={() => void loadMore()} compact />
                </span>
              ) : loadingMore || hasMore ? (
                <span className="muted" data-testid="timeline-loading-more">
                  <span className="spinner" aria-hidden="true" /> {t('timeline.loadingMore')}
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
