import { createColumnHelper, createSortedRowModel, rowSortingFeature, sortFn_alphanumeric, sortFn_basic, tableFeatures, useTable, type SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentWorkloadFieldsFragment } from '../../graphql/generated';
import { CsvButton } from './CsvButton';
import { formatPct } from './formatPct';
import { SortIcon } from '../../components/Icons';
import { workloadCsv } from './slaCaseRows';
import { csvFileName, toCsv } from './slaCsv';
import { dayString } from './slaRange';
import { workloadDrill, type DrillRequest } from './slaDrill';
import { useSpan } from './useSpan';

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel(), sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic } });
const helper = createColumnHelper<typeof features, AgentWorkloadFieldsFragment>();
const orLast = (n: number | null): number => (n === null ? Number.NEGATIVE_INFINITY : n);

/**
 * The team's workload, one row per agent, sortable, exported as CSV. "Open" and "Waiting on
 * agent" count the range's tickets, so they drill down like the charts do.
 */
export function WorkloadTable({ rows, onDrill }: { rows: readonly AgentWorkloadFieldsFragment[]; onDrill: (r: DrillRequest) => void }) {
  const { t, i18n } = useTranslation();
  const span = useSpan();
  const [sorting, setSorting] = useState<SortingState>([{ id: 'open', desc: true }]);
  const columns = useMemo(() => {
    const drillCell = (bucket: 'OPEN' | 'WAITING_ON_AGENT') =>
      function DrillCell({ row, getValue }: { row: { original: AgentWorkloadFieldsFragment }; getValue: () => number }) {
        const request = workloadDrill(row.original, bucket);
        return (
          <button type="button" className="link-num" data-testid={`workload-${bucket === 'OPEN' ? 'open' : 'woa'}`} data-expected={request.expected} onClick={() => onDrill(request)} title={t('sla.clickHint')}>
            {getValue()}
          </button>
        );
      };
    return helper.columns([
      helper.accessor('name', { id: 'agent', header: () => t('sla.workload.agent'), sortFn: 'alphanumeric', cell: (i) => <span className="ellipsis">{i.getValue()}</span> }),
      helper.accessor((r) => r.team ?? '', { id: 'team', header: () => t('sla.workload.team'), sortFn: 'alphanumeric', cell: (i) => <span className="ellipsis">{i.getValue() || t('sla.noTeam')}</span> }),
      helper.accessor('open', { id: 'open', header: () => t('sla.workload.open'), sortFn: 'basic', cell: drillCell('OPEN') }),
      helper.accessor('waitingOnAgent', { id: 'woa', header: () => t('sla.workload.waitingOnAgent'), sortFn: 'basic', cell: drillCell('WAITING_ON_AGENT') }),
      helper.accessor('handledToday', { id: 'handled', header: () => t('sla.workload.handledToday'), sortFn: 'basic' }),
      helper.accessor((r) => orLast(r.medianHandleSeconds), { id: 'median', header: () => t('sla.workload.medianHandle'), sortFn: 'basic', cell: (i) => (i.row.original.medianHandleSeconds === null ? '–' : span(i.row.original.medianHandleSeconds)) }),
      helper.accessor((r) => orLast(r.firstResponsePctMet), { id: 'frt', header: () => t('sla.workload.frtMet'), sortFn: 'basic', cell: (i) => (i.row.original.firstResponsePctMet === null ? '–' : formatPct(i.row.original.firstResponsePctMet, i18n.language)) }),
      helper.accessor('assignedNow', { id: 'now', header: () => t('sla.workload.assignedNow'), sortFn: 'basic' }),
    ]);
  }, [t, i18n.language, span, onDrill]);
  const table = useTable({ features, columns, data: rows as AgentWorkloadFieldsFragment[], getRowId: (r) => r.agentId, state: { sorting }, onSortingChange: setSorting }, (s) => ({ sorting: s.sorting }));
  const sorted = table.getRowModel().rows;
  const exportCsv = () => {
    const { header, rows: cells } = workloadCsv(
      sorted.map((r) => r.original),
      (k, v) => t(k, v ?? {}),
    );
    return { fileName: csvFileName(t('sla.workload.title'), dayString(new Date())), csv: toCsv(header, cells) };
  };
  return (
    <section className="chart-card workload" data-testid="workload-table" aria-label={t('sla.workload.title')}>
      <header className="chart-head">
        <h2>{t('sla.workload.title')}</h2>
        <CsvButton make={exportCsv} disabled={rows.length === 0} />
      </header>
      <div className="wl-scroll">
        <table className="wl-table">
          <thead>
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id}>
                {g.headers.map((h) => {
                  const dir = h.column.getIsSorted();
                  return (
                    <th key={h.id} className={`wl-${h.column.id}`} aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}>
                      <button type="button" className="sort-btn" onClick={h.column.getToggleSortingHandler()}>
                        <table.FlexRender header={h} />
                        <SortIcon dir={dir} className={dir ? 'sort-on' : 'sort-off'} />
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr key={row.id} data-testid="workload-row" data-agent-id={row.original.agentId}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={`wl-${cell.column.id}`}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
