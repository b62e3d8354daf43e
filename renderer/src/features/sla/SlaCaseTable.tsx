import { useTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaCaseFieldsFragment } from '../../graphql/generated';
import { dayString } from './slaRange';
import { CsvButton } from './CsvButton';
import { SortIcon } from '../../components/Icons';
import { slaCaseColumns, slaCaseFeatures } from './slaCaseColumns';
import { slaCaseCsv } from './slaCaseRows';
import { csvFileName, toCsv } from './slaCsv';
import { useSpan } from './useSpan';

const ROW_HEIGHT = 34;

interface Props {
  rows: readonly SlaCaseFieldsFragment[];
  /** Every ticket the API matched; rows may hold fewer (the page ceiling). */
  total: number;
  /** Names the CSV file. */
  title: string;
  onOpenRow: (row: SlaCaseFieldsFragment) => void;
  initialSort?: SortingState;
  testId?: string;
  /** Height of the scroll area; the table virtualizes its rows inside it. */
  height?: number | string;
}

/**
 * The drilled tickets: sortable on every column, SLA timers ticking, each row opening the ticket
 * in its customer's page. Rows are virtualized: a drill can match thousands of tickets and each
 * row's timer re-renders every second.
 */
export function SlaCaseTable({ rows, total, title, onOpenRow, initialSort = [{ id: 'due', desc: false }], testId = 'sla-case-table', height = '100%' }: Props) {
  const { t, i18n } = useTranslation();
  const span = useSpan();
  const [sorting, setSorting] = useState<SortingState>(initialSort);
  const columns = useMemo(() => slaCaseColumns((k, v) => t(k, v ?? {}), span), [t, span, i18n.language]);
  const table = useTable({ features: slaCaseFeatures, columns, data: rows as SlaCaseFieldsFragment[], getRowId: (r) => r.ticketId, state: { sorting }, onSortingChange: setSorting }, (s) => ({ sorting: s.sorting }));
  const sorted = table.getRowModel().rows;

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: sorted.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();

  const exportCsv = () => {
    const { header, rows: cells } = slaCaseCsv(
      sorted.map((r) => r.original),
      (k, v) => t(k, v ?? {}),
      Date.now(),
    );
    return { fileName: csvFileName(title, dayString(new Date())), csv: toCsv(header, cells) };
  };

  return (
    <div className="sla-table-wrap" data-testid={testId} data-total={total} data-rows={rows.length}>
      <div className="sla-table-bar">
        <span className="strong" data-testid="sla-table-count">
          {t('sla.table.count', { count: total })}
        </span>
        {rows.length < total ? <span className="muted small">({t('sla.table.showing', { shown: rows.length })})</span> : null}
        <CsvButton make={exportCsv} disabled={rows.length === 0} />
      </div>
      <div className="sla-scroll" ref={scrollRef} style={{ height }}>
        <table className="sla-table" role="grid" aria-rowcount={sorted.length}>
          <thead className="sla-head">
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id} className="sla-tr">
                {g.headers.map((h) => {
                  const dir = h.column.getIsSorted();
                  return (
                    <th key={h.id} className={`sla-th scol-${h.column.id}`} aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}>
                      <button type="button" className="sort-btn" onClick={h.column.getToggleSortingHandler()} data-testid={`sort-${h.column.id}`}>
                        <table.FlexRender header={h} />
                        <SortIcon dir={dir} className={dir ? 'sort-on' : 'sort-off'} />
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="sla-body" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((vi) => {
              const row = sorted[vi.index];
              if (!row) return null;
              const r = row.original;
              const open = () => onOpenRow(r);
              return (
                <tr
                  key={row.id}
                  className={`sla-tr sla-row${vi.index % 2 ? ' odd' : ''}`}
                  style={{ transform: `translateY(${vi.start}px)`, height: ROW_HEIGHT }}
                  data-testid="sla-case-row"
                  data-ticket-id={r.ticketId}
                  aria-rowindex={vi.index + 2}
                  aria-label={t('sla.table.openRow', { ticket: r.ticketId, customer: r.customerId })}
                  tabIndex={0}
                  onClick={open}
                  onKeyDown={(e) => e.key === 'Enter' && open()}
                >
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} className={`sla-td scol-${cell.column.id}`}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
        {rows.length === 0 ? <div className="muted sla-table-empty">{t('sla.table.empty')}</div> : null}
      </div>
    </div>
  );
}
