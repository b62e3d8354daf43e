import { createColumnHelper, createSortedRowModel, rowSortingFeature, sortFn_alphanumeric, sortFn_basic, tableFeatures } from '@tanstack/react-table';
import { StatusPill } from '../../components/Badges';
import { formatDateTime, isoToMs } from '../../format/time';
import type { SlaCaseFieldsFragment, SlaState } from '../../graphql/generated';
import type { Translate } from './slaDrill';
import { sliceLabel } from './slaDrill';
import { SlaTimer } from './SlaTimer';

export const slaCaseFeatures = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel(), sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic } });
const helper = createColumnHelper<typeof slaCaseFeatures, SlaCaseFieldsFragment>();

/** Missing numbers sort after every real one in both directions would need a custom fn; +Infinity keeps them last ascending, which is the order people start from. */
const orLast = (n: number | null | undefined): number => (n === null || n === undefined || Number.isNaN(n) ? Number.POSITIVE_INFINITY : n);

const STATE_TONE: Record<SlaState, string> = { MET: 'good', BREACHED: 'bad', AT_RISK: 'warn', PENDING: 'neutral' };

export function SlaStatePill({ state, t }: { state: SlaState; t: Translate }) {
  return (
    <span className={`pill tone-${STATE_TONE[state]}`} data-sla-state={state}>
      {t(`sla.state.${state}`)}
    </span>
  );
}

/** Rebuilt when the language changes; `span` formats seconds in the current language. */
export function slaCaseColumns(t: Translate, span: (s: number) => string) {
  return helper.columns([
    helper.accessor('ticketId', {
      id: 'ticket',
      header: () => t('sla.table.ticket'),
      sortFn: 'alphanumeric',
      // Ticket ids are UUIDs: the first 8 characters tell tickets apart on screen; the full id is in the title and the CSV.
      cell: (i) => (
        <span className="mono" title={i.getValue()}>
          {i.getValue().slice(0, 8)}
        </span>
      ),
    }),
    helper.accessor('customerId', { id: 'customer', header: () => t('sla.table.customer'), sortFn: 'alphanumeric', cell: (i) => <span className="mono">{i.getValue()}</span> }),
    helper.accessor('subject', {
      id: 'subject',
      header: () => t('sla.table.subject'),
      sortFn: 'alphanumeric',
      cell: (i) => (
        <span className="ellipsis" title={i.getValue()}>
          {i.getValue()}
        </span>
      ),
    }),
    helper.accessor('status', { id: 'status', header: () => t('sla.table.status'), sortFn: 'alphanumeric', cell: (i) => <StatusPill status={i.getValue()} /> }),
    helper.accessor('priority', { id: 'priority', header: () => t('sla.table.priority'), sortFn: 'alphanumeric', cell: (i) => sliceLabel('priority', i.getValue(), t) }),
    helper.accessor('channel', { id: 'channel', header: () => t('sla.table.channel'), sortFn: 'alphanumeric', cell: (i) => sliceLabel('channel', i.getValue(), t) }),
    helper.accessor((r) => r.assignedAgentName ?? r.assignedAgentId ?? '', {
      id: 'agent',
      header: () => t('sla.table.agent'),
      sortFn: 'alphanumeric',
      cell: (i) => (i.getValue() ? <span className="ellipsis">{i.getValue()}</span> : <span className="muted">{t('sla.table.unassigned')}</span>),
    }),
    helper.accessor((r) => isoToMs(r.createdAt), { id: 'created', header: () => t('sla.table.created'), sortFn: 'basic', cell: (i) => <span className="mono">{formatDateTime(i.getValue())}</span> }),
    helper.accessor((r) => orLast(r.firstResponseSeconds), {
      id: 'frt',
      header: () => t('sla.table.frt'),
      sortFn: 'basic',
      cell: (i) => (
        <span className="sla-cell">
          <SlaStatePill state={i.row.original.firstResponseState} t={t} />
          {i.row.original.firstResponseSeconds !== null ? <span className="mono small">{span(i.row.original.firstResponseSeconds)}</span> : null}
        </span>
      ),
    }),
    helper.accessor('resolutionState', { id: 'resolution', header: () => t('sla.table.resolution'), sortFn: 'alphanumeric', cell: (i) => <SlaStatePill state={i.getValue()} t={t} /> }),
    helper.accessor((r) => orLast(isoToMs(r.dueAt)), { id: 'due', header: () => t('sla.table.due'), sortFn: 'basic', cell: (i) => <SlaTimer dueAt={i.row.original.dueAt} metric={i.row.original.dueMetric} /> }),
  ]);
}
